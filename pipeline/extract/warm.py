"""Importing this module loads jieba's dictionary, OpenCC and the gazetteer.

Worker pools import it in their fork server (`pipeline.executor.run_many(preload=...)`), so every
worker forked from it starts with them loaded instead of spending a second on each.
"""
from pipeline.extract import extract_text

extract_text("warm-up", "天津市静海区纪委监委查处问题71起，给予党纪政务处分68人。")
