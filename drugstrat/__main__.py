from drugstrat.cli import main

main()
