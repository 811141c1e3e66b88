"""Quickstart: one import, one call per job. Run with `python examples/quickstart.py`."""
import empathkit

message = "客服你好，我11月20号下的订单到现在三天了还没收到，明天就要用，肿么回事啊？？？😡"

emotion = empathkit.detect_emotion(message)
print(emotion)
print("cues:", [(cue.text, cue.meaning) for cue in emotion.cues])

info = empathkit.extract_keyinfo(message)
print(info)
print(info.restate())

print(empathkit.mask_pii("我的手机13812345678，地址北京市朝阳区建国路88号").text)
