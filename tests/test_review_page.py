"""The review page worked as a reviser works in it for a day, in headless Chromium driven by
Selenium: searching without accents, deciding (Accept, Needs fix), reloading, saving the
decisions as a download and applying them, on a narrow screen and on paper."""

from __future__ import annotations

import json
import os
import shutil
import time

import pytest

from drugstrat.cli.commands import app

pytestmark = pytest.mark.external


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    """Headless Chromium with downloads going to a folder of its own."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    driver_path = shutil.which("chromedriver")
    if binary is None or driver_path is None:
        if os.environ.get("CI"):
            pytest.fail("chromium and chromedriver are expected here (.ci/run installs them)")
        pytest.skip("chromium or chromedriver is not installed here (.ci/run installs them)")
    home = tmp_path_factory.mktemp("browser")
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync",
                 f"--user-data-dir={home / 'profile'}", "--window-size=1400,1000"):
        options.add_argument(flag)
    downloads = home / "downloads"
    downloads.mkdir()
    # A page asking before it is left (decisions not saved) is left, as a person confirms.
    options.set_capability("unhandledPromptBehavior", "accept")
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                              "download.prompt_for_download": False})
    driver = webdriver.Chrome(options=options, service=Service(executable_path=driver_path))
    driver.execute_cdp_cmd("Browser.setDownloadBehavior",
                           {"behavior": "allow", "downloadPath": str(downloads)})
    driver.downloads = downloads
    yield driver
    driver.quit()


@pytest.fixture
def page(runner, scratch_kb, tmp_path, browser):
    """A fresh review page of a private knowledge base, opened with no decisions kept."""
    path = tmp_path / "review.html"
    result = runner.invoke(app, ["--data", str(scratch_kb), "report", "--out", str(path)])
    assert result.exit_code == 0, result.stderr
    browser.set_window_size(1400, 1000)
    browser.get(path.as_uri())
    browser.execute_script("localStorage.clear()")
    browser.get(path.as_uri())
    return path


def shown(browser) -> list[str]:
    return browser.execute_script(
        "return Array.from(document.querySelectorAll('section.record'))"
        ".filter(s => !s.hidden).map(s => s.id)")


def search(browser, words: str) -> list[str]:
    from selenium.webdriver.common.by import By

    box = browser.find_element(By.ID, "q")
    box.clear()
    box.send_keys(words)
    return shown(browser)


def decide(browser, record: str, check: str, decision: str, comment: str) -> str:
    """Take a decision on the first finding of `check` on `record`, as a person does: type the
    comment, press the button. Returns the finding's id."""
    from selenium.webdriver.common.by import By

    item = browser.find_element(
        By.CSS_SELECTOR, f'section[id="{record}"] ul.findings li[data-check="{check}"]')
    item.find_element(By.TAG_NAME, "textarea").send_keys(comment)
    item.find_element(By.CSS_SELECTOR, f'button[value="{decision}"]').click()
    return item.get_attribute("data-finding")


def reload(browser) -> None:
    """Reload the page, and wait until it is the new one."""
    browser.execute_script("window.oldPage = true")
    browser.refresh()
    for _ in range(100):
        try:
            if browser.execute_script("return window.oldPage === undefined && "
                                      "document.readyState === 'complete'"):
                return
        except Exception:  # a prompt or the navigation in between
            pass
        time.sleep(0.1)
    raise AssertionError("the page did not reload")


def to_review(browser) -> int:
    from selenium.webdriver.common.by import By

    return int(browser.find_element(By.ID, "todo").text.split()[0])


def test_the_search_folds_accents_and_case_as_the_command_line_does(browser, page):
    plain = search(browser, "geintegreerd")
    assert plain and "SO5" in plain
    assert search(browser, "GEÏNTEGREERD") == plain == search(browser, "geïntegreerd")
    assert len(plain) < browser.execute_script(
        "return document.querySelectorAll('section.record').length")


def test_decisions_survive_a_reload_and_the_counters_follow_them(browser, page):
    from selenium.webdriver.common.by import By

    before = to_review(browser)
    finding = decide(browser, "n7", "untranslated", "accept", "quoted as published")
    assert to_review(browser) == before - 1
    assert "not saved yet" in browser.find_element(By.ID, "decision-count").text
    # Leaving with decisions not saved is asked about.
    assert browser.execute_script(
        "var e = new Event('beforeunload', {cancelable: true}); window.dispatchEvent(e);"
        "return e.defaultPrevented;")
    reload(browser)
    item = browser.find_element(By.CSS_SELECTOR, f'ol.panel li[data-finding="{finding}"]')
    assert "accepted" in item.get_attribute("class")
    assert "quoted as published" in item.text
    assert to_review(browser) == before - 1
    assert finding in browser.find_element(By.ID, "decisions").get_attribute("textContent")


def test_needs_fix_is_downloaded_and_lands_in_the_records_status_and_note(
        browser, page, runner, scratch_kb):
    from selenium.webdriver.common.by import By

    for old in browser.downloads.iterdir():
        old.unlink()
    finding = decide(browser, "n7", "untranslated", "needs-fix", "vertaal de eindnoot")
    item = browser.find_element(By.CSS_SELECTOR, f'ol.panel li[data-finding="{finding}"]')
    assert "needs-fix" in item.get_attribute("class") and "to fix" in \
        browser.find_element(By.ID, "todo").text
    browser.find_element(By.ID, "save").click()
    saved = browser.downloads / "decisions.yaml"
    for _ in range(100):  # the download, up to 10 s
        if saved.exists() and saved.stat().st_size:
            break
        time.sleep(0.1)
    assert 'decision: "needs-fix"' in saved.read_text(encoding="utf-8")
    assert "not saved yet" not in browser.find_element(By.ID, "decision-count").text
    assert not browser.execute_script(
        "var e = new Event('beforeunload', {cancelable: true}); window.dispatchEvent(e);"
        "return e.defaultPrevented;")
    applied = runner.invoke(app, ["--data", str(scratch_kb), "diff", "--apply", str(saved)])
    assert applied.exit_code == 0, applied.stderr
    assert "marked 1 record(s) needs-fix" in applied.stderr
    record = json.loads(runner.invoke(app, ["--data", str(scratch_kb), "show", "n7", "--lang",
                                            "nl", "--json"]).stdout)[0]
    assert (record["status"], record["note"]) == ("needs-fix", "vertaal de eindnoot")
    rows = [json.loads(line) for line in runner.invoke(
        app, ["--data", str(scratch_kb), "export", "-f", "jsonl", "-o", "-"]).stdout.splitlines()]
    assert next(r for r in rows if r["id"] == "n7")["langs"]["nl"]["status"] == "needs-fix"


def test_a_record_reached_from_the_panel_stops_below_the_header(browser, page):
    from selenium.webdriver.common.by import By

    browser.find_element(By.CSS_SELECTOR, 'ol.panel a[href="#n7"]').click()
    time.sleep(0.3)
    header = browser.execute_script(
        "return document.querySelector('header').getBoundingClientRect().bottom +"
        " document.querySelector('.columns').getBoundingClientRect().height")
    top = browser.execute_script(
        "return document.getElementById('n7').getBoundingClientRect().top")
    assert top >= header - 1


def test_under_1000_pixels_the_page_is_one_column(browser, page):
    browser.set_window_size(800, 1000)
    reload(browser)
    columns = browser.execute_script(
        "var s = getComputedStyle; return [s(document.querySelector('.layout'))"
        ".gridTemplateColumns, s(document.querySelector('.pair')).gridTemplateColumns]")
    assert all(len(value.split()) == 1 for value in columns), columns
    en, nl = browser.execute_script(
        "var t = document.querySelectorAll('section[id=\"3.4\"] .text');"
        "return [t[0].getBoundingClientRect().left, t[1].getBoundingClientRect().left]")
    assert en == nl  # one below the other


def test_printing_follows_the_filter(browser, page):
    browser.get(page.as_uri() + "?severity=error")
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        printed = browser.execute_script(
            "return Array.from(document.querySelectorAll('section.record'))"
            ".filter(s => getComputedStyle(s).display !== 'none').map(s => s.id)")
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    assert printed and printed == shown(browser)
    assert len(printed) < browser.execute_script(
        "return document.querySelectorAll('section.record').length")
