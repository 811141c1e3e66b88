"""Many threads sharing one Analyzer give the same answers as serial calls."""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import empathkit

TEXTS = ["快递三天了还没到？？？😡", "謝謝你們[抱拳]", "呵呵，效率真高[微笑]", "明天就要用，急急急", "东西很好，好评",
         "再不退款我就投诉", "请问什么时候发货", "太失望了。。。"] * 4


def test_sixteen_threads_equal_serial():
    analyzer = empathkit.Analyzer()
    serial = [(analyzer.detect_emotion(t).to_dict(), analyzer.normalize(t).to_dict(), analyzer.mask_pii(t).to_dict())
              for t in TEXTS]
    fresh = empathkit.Analyzer()  # also exercises concurrent first-time loading

    def work(text: str):
        return fresh.detect_emotion(text).to_dict(), fresh.normalize(text).to_dict(), fresh.mask_pii(text).to_dict()

    with ThreadPoolExecutor(max_workers=16) as pool:
        parallel = list(pool.map(work, TEXTS * 3))
    assert parallel == serial * 3
