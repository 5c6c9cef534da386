"""Text helpers every stage shares: folding, words, sentences, brackets, control characters and
stems. Each concept has one module, and each module one owner of its concept."""
