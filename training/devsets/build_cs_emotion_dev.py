"""Build training/devsets/cs_emotion_dev.jsonl: hand labels for customer turns of the jddc_sample dev half.

The labels live in LABELS below (turn id -> labels), written by a human reader following
shared/design/taxonomy.md sections 1-4; see README_cs_emotion.md for the protocol and the hard-case rules.
No message text is stored here or in the output: each row carries the turn id and text_hash(text), recomputed
from the source, so a changed source is detected.

Selection is not stored by hand but recomputed: the 170 "random" turns are
``random.Random(20261125).sample(eligible, 170)`` over the dev-half customer turns in file order after the
skip filter (empty text, or text made only of masked tokens such as "[数字x]"); every other labeled turn is
"targeted". The script fails if any random turn lacks a label, if an id is not a dev-half customer turn,
or if a label is malformed.

Run:  python training/devsets/build_cs_emotion_dev.py
"""
from __future__ import annotations

import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from jddc_split import iter_customer_turns, text_hash  # noqa: E402

OUT = HERE / "cs_emotion_dev.jsonl"
SEED = 20261125
N_RANDOM = 170
MIN_TARGETED = 160

EMOTIONS = ("neutral", "anger", "disgust", "anxiety", "sadness", "surprise", "joy", "gratitude")
POLARITY_OF = {"neutral": "neutral", "anger": "negative", "disgust": "negative", "anxiety": "negative",
               "sadness": "negative", "joy": "positive", "gratitude": "positive"}  # surprise: any polarity
MASKED_ONLY = re.compile(r"(\[[^\[\]]*x\]\s*)+")


def eligible(text: str) -> bool:
    """Skip filter: drop empty turns and turns made only of masked tokens like "[数字x]" or "[订单x] [链接x]"."""
    stripped = text.strip()
    return bool(stripped) and not MASKED_ONLY.fullmatch(stripped)


# turn id -> (emotion, polarity, intensity 0-3, escalation, sarcasm, urgency, note)
LABELS: dict[str, tuple[str, str, int, int, int, int, str]] = {
    '00edf97b7bc09c2c5eb300fe97b94c3c:4': ('anxiety', 'negative', 1, 0, 0, 1, 'leaving on a trip at a fixed hour'),
    '00edf97b7bc09c2c5eb300fe97b94c3c:6': ('anxiety', 'negative', 1, 0, 0, 1, 'repeats: must arrive before the trip'),
    '016d7a3e93c1365a37935fd3385f7471:0': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    '016d7a3e93c1365a37935fd3385f7471:2': ('sadness', 'negative', 1, 0, 0, 0, 'explicit low-mood word, cancels purchase'),
    '016d7a3e93c1365a37935fd3385f7471:8': ('gratitude', 'positive', 1, 0, 0, 0, "closing 'sorry for the trouble' works as thanks"),
    '016d7a3e93c1365a37935fd3385f7471:12': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    '040843ebf2fcd1c1ea3ca0493171ea69:6': ('sadness', 'negative', 1, 0, 0, 0, 'reluctant OK after the request was refused'),
    '04bfc8f0-95c2-4cc5-9bf6-eef77678f3cc:6': ('joy', 'positive', 1, 0, 0, 0, 'pleased the invoice is visible now'),
    '069946a4ebae1c3da94357a5a76ea38b:10': ('gratitude', 'positive', 1, 0, 0, 0, 'problem solved by itself, closing thanks'),
    '08492cdfec961fed2248aca725da900f:2': ('neutral', 'neutral', 0, 0, 0, 0, 'plain why-question about the refund amount, no affect markers'),
    '086e7d60-8d2d-4115-bff2-2be5a0e7f8d2:6': ('joy', 'positive', 1, 0, 0, 0, 'satisfied that the fix worked'),
    '08b3195f0983ed19d186d9acbcd2bfed:0': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    '08b3195f0983ed19d186d9acbcd2bfed:4': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    '0b106bc67ce71fa28e355a1e29ebc42c:2': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    '0b106bc67ce71fa28e355a1e29ebc42c:8': ('anger', 'negative', 1, 0, 0, 0, 'complains a friend gets invoices faster'),
    '0b106bc67ce71fa28e355a1e29ebc42c:18': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    '0b47972f58121deac0a8c0a934d383ff:0': ('anger', 'negative', 1, 0, 0, 0, 'rhetorical complaint about understaffed delivery'),
    '0b47972f58121deac0a8c0a934d383ff:4': ('anger', 'negative', 1, 0, 0, 0, 'repeated rhetorical complaint'),
    '0b47972f58121deac0a8c0a934d383ff:6': ('anger', 'negative', 1, 0, 0, 0, 'criticises inefficiency'),
    '0b47972f58121deac0a8c0a934d383ff:14': ('gratitude', 'positive', 1, 0, 0, 0, ''),
    '0dd4880cba428e50ea21056510d360b9:6': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    '0e56403f6cb0605a958506bbd96ec4e4:0': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    '0e56403f6cb0605a958506bbd96ec4e4:4': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    '0ef81ced78b182ee3710681b5f63060f:0': ('anxiety', 'negative', 2, 0, 0, 1, 'worried fresh milk expires before it arrives'),
    '0ef81ced78b182ee3710681b5f63060f:2': ('sadness', 'negative', 1, 0, 0, 0, 'pessimistic that delivery will happen today'),
    '0ef81ced78b182ee3710681b5f63060f:4': ('anxiety', 'negative', 2, 0, 0, 1, 'fear the goods will be near expiry on arrival'),
    '0ef81ced78b182ee3710681b5f63060f:12': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    '0fc0738c737cac04138c2c61f0c358bf:18': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    '0fc0738c737cac04138c2c61f0c358bf:24': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    '0fc0738c737cac04138c2c61f0c358bf:26': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    '1181a24c0bdfe4d532e7dc202ee229f1:2': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    '13c5007f-e390-417e-a876-d72495f3ab21:4': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    '1458e95f-d329-4755-950e-87ac8d628ae8:8': ('gratitude', 'positive', 1, 0, 0, 0, ''),
    '16cc4dd8d8999a3abbc274747acb6fdd:2': ('anger', 'negative', 1, 0, 0, 0, 'complains goods still not shipped after days'),
    '16cc4dd8d8999a3abbc274747acb6fdd:4': ('anger', 'negative', 1, 0, 0, 0, 'irritated after days of chasing'),
    '16cc4dd8d8999a3abbc274747acb6fdd:6': ('disgust', 'negative', 1, 0, 0, 1, 'weary, fed up with chasing every day (contract: fed up -> disgust); borderline with anger'),
    '17fa6a8a3942664c756d68f0f042c80b:2': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    '17fa6a8a3942664c756d68f0f042c80b:6': ('anger', 'negative', 2, 1, 0, 0, 'blames slowness; implies he will stop buying here'),
    '17fa6a8a3942664c756d68f0f042c80b:8': ('anger', 'negative', 2, 0, 0, 0, 'disparages the whole self-operated service'),
    '1be453ef8d66312e2480ee165ed07bbd:6': ('gratitude', 'positive', 1, 0, 0, 0, ''),
    '1da174cf1e357d61da4a7a8dcd5ec3ad:6': ('gratitude', 'positive', 1, 0, 0, 0, 'short remark explaining the question, then accepting thanks'),
    '1da174cf1e357d61da4a7a8dcd5ec3ad:8': ('gratitude', 'positive', 1, 0, 0, 0, ''),
    '1db8ed394df3fbba75dd8d304da70c94:2': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    '1f4e184bc1209135f86c34745c78d635:0': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    '1f9bfb2bdb72a8c90093c18bdb6982c4:4': ('sadness', 'negative', 1, 0, 0, 0, 'speechless ellipsis, resigned to wait'),
    '20f86401b901a19f9e7a3adb91b3d414:6': ('gratitude', 'positive', 1, 0, 0, 0, "'you took trouble' as thanks"),
    '21f36333f5d7d29f11e2a95c5f19c292:6': ('anxiety', 'negative', 1, 0, 0, 1, 'goods are useless unless they arrive today'),
    '2300653b028f3c7122239e542027ead1:4': ('anxiety', 'negative', 1, 0, 0, 1, 'pressure from a friend who keeps asking'),
    '28338d958c97d8de08cfb30adc4284ff:6': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    '2ea5c60506dc91e9ce0a5911a8d39b7e:6': ('gratitude', 'positive', 1, 0, 0, 0, 'thanks, with a side jab at the merchant'),
    '2ea5c60506dc91e9ce0a5911a8d39b7e:8': ('anger', 'negative', 2, 0, 0, 0, 'opens with thanks but the content is exasperation at the merchant'),
    '2ea5c60506dc91e9ce0a5911a8d39b7e:12': ('gratitude', 'positive', 1, 0, 0, 0, ''),
    '31b63e1a32c2e6cc80c688aa110f9ae5:0': ('surprise', 'negative', 1, 0, 0, 0, "puzzled by the appliance's behaviour"),
    '31b63e1a32c2e6cc80c688aa110f9ae5:4': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    '31b63e1a32c2e6cc80c688aa110f9ae5:6': ('gratitude', 'positive', 1, 0, 0, 0, ''),
    '31b63e1a32c2e6cc80c688aa110f9ae5:10': ('gratitude', 'positive', 1, 0, 0, 0, ''),
    '3376b0c7b6e5423e6253313da8260dc2:6': ('anger', 'negative', 1, 0, 0, 0, 'asked twice, still no reply'),
    '3566ee4d90c2cbf9df7b7df851f867ad:4': ('anger', 'negative', 1, 0, 0, 0, 'exasperated at how long repair takes'),
    '3566ee4d90c2cbf9df7b7df851f867ad:10': ('anger', 'negative', 2, 0, 0, 1, 'demands quick follow-up, losing work meanwhile'),
    '3566ee4d90c2cbf9df7b7df851f867ad:12': ('neutral', 'neutral', 0, 0, 0, 1, 'deadline stated as a plain preference'),
    '3566ee4d90c2cbf9df7b7df851f867ad:14': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    '35bb21fd83c460e7959234634d830223:8': ('sadness', 'negative', 1, 0, 0, 0, 'mild disappointment at the long repair time'),
    '365e776b48834701ec1a01a633ebd656:0': ('anxiety', 'negative', 1, 0, 0, 1, 'needs the parcel this afternoon, tracking stale'),
    '365e776b48834701ec1a01a633ebd656:4': ('anger', 'negative', 1, 0, 0, 0, 'indignant rhetorical question about stale tracking'),
    '365e776b48834701ec1a01a633ebd656:6': ('neutral', 'neutral', 0, 0, 0, 1, 'asks to chase the parcel, calm'),
    '36e6a2fe22c037e5b15a9f5ff7f96bb1:8': ('gratitude', 'positive', 1, 0, 0, 0, ''),
    '36e6a2fe22c037e5b15a9f5ff7f96bb1:10': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    '378380dd5a12337b05880eb22a8f6ee7:4': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    '37b68fcb3611037292489bf53c5ae2a3:10': ('sadness', 'negative', 1, 0, 0, 0, 'gives up, will figure it out alone'),
    '382d4b13debe13c459720e052d938115:4': ('anxiety', 'negative', 1, 0, 0, 1, 'no tracking update, hoping it arrives today'),
    '382d4b13debe13c459720e052d938115:6': ('anxiety', 'negative', 2, 0, 0, 1, 'needs it before a business trip tomorrow'),
    '382d4b13debe13c459720e052d938115:8': ('anxiety', 'negative', 1, 0, 0, 1, 'says it is just a bit urgent'),
    '382d4b13debe13c459720e052d938115:10': ('gratitude', 'positive', 2, 0, 0, 1, 'warm thanks; hopes it arrives today'),
    '382d4b13debe13c459720e052d938115:12': ('gratitude', 'positive', 2, 0, 0, 0, 'playful repeated thanks'),
    '3918a5e7172aa57b8a7af86538fb6f72:8': ('gratitude', 'positive', 1, 0, 0, 0, ''),
    '39d5903bd1885e7fa42f4409bdb6607a:0': ('anger', 'negative', 1, 0, 0, 0, 'impatient: where is everyone'),
    '39d5903bd1885e7fa42f4409bdb6607a:4': ('anger', 'negative', 1, 0, 0, 0, 'impatient again'),
    '39d5903bd1885e7fa42f4409bdb6607a:6': ('anger', 'negative', 2, 0, 0, 0, 'crude exclamation, indignant'),
    '3e65e31e1addf1bf3c1f11bcb5ece73a:6': ('anger', 'negative', 1, 1, 0, 0, 'merchant not shipping; will buy elsewhere'),
    '3e65e31e1addf1bf3c1f11bcb5ece73a:10': ('gratitude', 'positive', 1, 0, 0, 0, ''),
    '3e7707c1ebb13bf2619f7c9e4a397ca2:6': ('joy', 'positive', 1, 0, 0, 0, 'smiling emoji'),
    '3f9a6316c816723b4e6f63a697f09a64:2': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    '414efb38bf9d1eabaa22a25de233118e:4': ('surprise', 'negative', 1, 0, 0, 0, 'astonished at the size of the price drop'),
    '423cf20167b2166e30034ab0746b5e15:4': ('anxiety', 'negative', 1, 0, 0, 0, 'explicitly worried the price will drop'),
    '447f0b3df85c4dce099719817a381f61:12': ('joy', 'positive', 1, 0, 0, 0, 'good wishes at closing'),
    '4551392d094e968cf59414223fb57a70:2': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    '4551392d094e968cf59414223fb57a70:8': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    '4762d31861079b47405d067400559694:2': ('surprise', 'negative', 1, 0, 0, 0, 'surprised the invoice title is wrong'),
    '4762d31861079b47405d067400559694:12': ('gratitude', 'positive', 1, 0, 0, 0, ''),
    '47b82a5cc1ee25ca5ee5392b7012cc64:4': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    '4831af1071f2f015b35a9b95042e923c:2': ('sadness', 'negative', 2, 0, 0, 0, "ellipses and repeated 'forget it': resignation"),
    '4831af1071f2f015b35a9b95042e923c:6': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    '48aee43a3a9dc820a9fd1ec75e0d0cdb:20': ('gratitude', 'positive', 1, 0, 0, 0, ''),
    '49468b1f35a567af8322dad7a9aefbc0:4': ('anger', 'negative', 1, 0, 0, 0, 'double question marks, promised test not started'),
    '49468b1f35a567af8322dad7a9aefbc0:6': ('anger', 'negative', 1, 0, 0, 1, 'push to hurry, broken promise'),
    '49468b1f35a567af8322dad7a9aefbc0:8': ('anger', 'negative', 2, 0, 0, 1, 'still not started, asks to hurry, says it should be easy'),
    '49468b1f35a567af8322dad7a9aefbc0:14': ('anger', 'negative', 1, 0, 0, 0, "challenges the agent's contradiction"),
    '49468b1f35a567af8322dad7a9aefbc0:18': ('neutral', 'neutral', 0, 0, 0, 0, 'bare acknowledgement after chasing'),
    '49b05c70913e771f1870ae52484a0af6:4': ('anger', 'negative', 1, 0, 0, 0, 'impatient nudge with question marks'),
    '49b05c70913e771f1870ae52484a0af6:8': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    '49b05c70913e771f1870ae52484a0af6:12': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    '49b05c70913e771f1870ae52484a0af6:16': ('anxiety', 'negative', 1, 0, 0, 1, 'urgently needs to shop'),
    '4a5f2a2884f5f1c054d6633f6ef0c0f7:10': ('gratitude', 'positive', 1, 0, 0, 0, ''),
    '4a65daed951068ac5cdc0e5742bf79cd:0': ('neutral', 'neutral', 0, 0, 0, 0, 'damage reported factually'),
    '4a65daed951068ac5cdc0e5742bf79cd:18': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    '4af18e3b-5aa8-4303-95ef-073169d19587:12': ('sadness', 'negative', 1, 0, 0, 0, 'mild disappointment, trailing ellipsis'),
    '4c088d0348f061c08008e357b7e05af4:6': ('gratitude', 'positive', 1, 0, 0, 0, ''),
    '56647f3dd555adcbbd7824ea59e1b459:6': ('gratitude', 'positive', 1, 0, 0, 0, ''),
    '58ab9387a0898040a468e37b932ebcae:4': ('surprise', 'negative', 1, 0, 0, 0, 'dismay at how far the price dropped'),
    '58ab9387a0898040a468e37b932ebcae:8': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    '5b471e2d6ebc24838e04774c53701a2a:6': ('sadness', 'negative', 1, 0, 0, 0, 'reluctant OK after address change refused'),
    '5d24a7df9df73ee8b1491d2b2cde4158:4': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    '5d24a7df9df73ee8b1491d2b2cde4158:10': ('neutral', 'neutral', 0, 0, 0, 0, 'ritual closing thanks, then a new question dominates'),
    '5d24a7df9df73ee8b1491d2b2cde4158:18': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    '5d24a7df9df73ee8b1491d2b2cde4158:20': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    '5d24a7df9df73ee8b1491d2b2cde4158:26': ('gratitude', 'positive', 1, 0, 0, 0, 'thanks plus apology'),
    '5d24a7df9df73ee8b1491d2b2cde4158:32': ('gratitude', 'positive', 2, 0, 0, 0, "thanks plus 'you worked hard'"),
    '5d24a7df9df73ee8b1491d2b2cde4158:36': ('neutral', 'neutral', 0, 0, 0, 0, 'instruction with ritual thanks'),
    '5dc7a565a99a5432fcc9c18fe0bcb8cc:0': ('neutral', 'neutral', 0, 0, 0, 0, 'faulty product reported factually'),
    '5dc7a565a99a5432fcc9c18fe0bcb8cc:12': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    '60a88ba6a37fd088139e2bd6af5915bd:12': ('gratitude', 'positive', 1, 0, 0, 0, ''),
    '60aac3dc-0915-4f53-87b3-9839146e567e:4': ('surprise', 'negative', 1, 0, 0, 0, 'unexpected missing features'),
    '612ebdf432f06130e1d10b5c6b341435:2': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    '612ebdf432f06130e1d10b5c6b341435:4': ('gratitude', 'positive', 1, 0, 0, 0, ''),
    '645fc6b8b38bef197fe806c7cf0ce34b:2': ('anger', 'negative', 1, 0, 0, 0, 'impatient, bought days ago'),
    '645fc6b8b38bef197fe806c7cf0ce34b:12': ('sadness', 'negative', 1, 0, 0, 0, 'reluctant OK after a week-long wait is announced'),
    '68c003cf2c98eced3fcdab984c48fd78:0': ('neutral', 'neutral', 0, 0, 0, 1, 'merchant asks to chase a delivery'),
    '68c003cf2c98eced3fcdab984c48fd78:2': ('gratitude', 'positive', 2, 0, 0, 0, 'repeated thanks'),
    '68c003cf2c98eced3fcdab984c48fd78:4': ('gratitude', 'positive', 1, 0, 0, 0, ''),
    '68d645395b7054ca438d3f3a39f37b38:4': ('disgust', 'negative', 1, 0, 0, 0, 'mocking echo of the vague answer; borderline with anger'),
    '6b7c5579ae93beb3eaac2d0b57fd1534:0': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    '6b7c5579ae93beb3eaac2d0b57fd1534:2': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    '6bf5efc903bdd50089d5c7ef7408a0e2:6': ('anxiety', 'negative', 1, 0, 0, 1, 'invoice is needed soon'),
    '6ec9543d6087f8ad5fef078a828d076c:4': ('anxiety', 'negative', 1, 0, 0, 1, 'needs it urgently'),
    '6ec9543d6087f8ad5fef078a828d076c:8': ('sadness', 'negative', 1, 0, 0, 0, 'reluctant OK, delivery later than hoped'),
    '6fd63072784f3971ec16b6a2fb9a3b37:8': ('neutral', 'neutral', 0, 0, 0, 0, 'constructive suggestion, no affect'),
    '701cdb94e4e4d58734e213257468cc97:2': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    '701cdb94e4e4d58734e213257468cc97:4': ('anger', 'negative', 1, 0, 0, 0, 'indignant why-not question'),
    '70a00d7957d2cb250fca390ae67c661a:16': ('neutral', 'neutral', 0, 0, 0, 0, 'request with ritual thanks'),
    '70a00d7957d2cb250fca390ae67c661a:22': ('gratitude', 'positive', 1, 0, 0, 0, 'reports success with thanks'),
    '7299db612db1117ef50d3f16031062a9:6': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    '7299db612db1117ef50d3f16031062a9:14': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    '7299db612db1117ef50d3f16031062a9:18': ('joy', 'positive', 1, 0, 0, 0, 'light-hearted grin emoji'),
    '737b621261dc8dac9e1431c187a4af80:2': ('neutral', 'neutral', 0, 0, 0, 0, 'ordered wrong item, factual'),
    '75e3498170793e1373e69682166fcae6:0': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    '75e3498170793e1373e69682166fcae6:8': ('sadness', 'negative', 1, 0, 0, 0, 'regret at missing out; ritual thanks'),
    '75e3498170793e1373e69682166fcae6:10': ('gratitude', 'positive', 1, 0, 0, 0, ''),
    '7731c001558570f34d2169ec7796c62b:2': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    '7731c001558570f34d2169ec7796c62b:6': ('anxiety', 'negative', 1, 0, 0, 0, 'worried the request will expire unreviewed'),
    '77470b07149272fd35fafc7902dfd2d4:0': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    '7a6305eba5a8de390c19c42652c6d2b1:2': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    '7b34fdec4a34cd3c4975af3a31d024eb:4': ('neutral', 'neutral', 0, 0, 0, 0, 'restates the question, no clear affect'),
    '7b34fdec4a34cd3c4975af3a31d024eb:6': ('surprise', 'negative', 1, 0, 0, 0, 'surprised delivery is earlier than the chosen slot'),
    '7b34fdec4a34cd3c4975af3a31d024eb:8': ('neutral', 'neutral', 0, 0, 0, 0, 'accommodating, sympathetic to the courier'),
    '7b99e19e5bb026a89e3c48c05678a39f:2': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    '7b99e19e5bb026a89e3c48c05678a39f:6': ('anger', 'negative', 2, 0, 0, 0, 'compares unfavourably with a competitor'),
    '7b99e19e5bb026a89e3c48c05678a39f:8': ('anger', 'negative', 1, 0, 0, 0, 'reluctant OK with blame'),
    '7b99e19e5bb026a89e3c48c05678a39f:10': ('sadness', 'negative', 1, 0, 0, 0, 'reordering now costs more'),
    '7ff5b913-3029-4be7-8655-79e5b127834e:0': ('anger', 'negative', 2, 0, 0, 0, 'exasperated at a next-day price drop'),
    '7ff5b913-3029-4be7-8655-79e5b127834e:6': ('joy', 'positive', 1, 0, 0, 0, 'pleased it worked'),
    '8570c4e4a442b9ed814647df56cbf06f:10': ('anger', 'negative', 1, 0, 0, 0, 'mild annoyance at the extra steps'),
    '8570c4e4a442b9ed814647df56cbf06f:18': ('gratitude', 'positive', 1, 0, 0, 0, ''),
    '8762d78f-2373-46d0-a853-a56a663188db:4': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    '87f0b1bab19a59eba57728266be3333d:4': ('anxiety', 'negative', 1, 0, 0, 0, 'needs it for a gift, seeks assurance'),
    '8868e06cf6043c0182b00b1af0a8be64:2': ('anger', 'negative', 1, 0, 0, 0, 'still not delivered in the same city'),
    '8868e06cf6043c0182b00b1af0a8be64:4': ('anger', 'negative', 1, 0, 0, 1, 'asks for partial delivery, needs it urgently'),
    '8868e06cf6043c0182b00b1af0a8be64:6': ('anger', 'negative', 2, 0, 0, 0, 'indignant about speed'),
    '8b908f590e0c665eccbfa2784a802df6:0': ('neutral', 'neutral', 0, 0, 0, 1, 'business trip soon, calm'),
    '8c181fed59be795e9d1c208acb4f5ed6:0': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    '8c5816f49789cdf1c1ca0b68d460559a:6': ('sadness', 'negative', 1, 0, 0, 0, 'reluctant OK after accepting the fee'),
    '8e32fa79-9897-4221-b738-4d4e96d463ff:10': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    '8e83340326e9c32a52bdbf059a70a4cd:10': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    '8fabcb7e-6330-4dec-aa78-d09afca904d9:4': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    '8fabcb7e-6330-4dec-aa78-d09afca904d9:6': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    '90278dff95cd27859879aeb767ab684b:8': ('surprise', 'negative', 1, 0, 0, 0, 'dismayed on hearing he must reorder'),
    '90278dff95cd27859879aeb767ab684b:12': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    '92ae02ee55a0b577bbcc8fe710bc60af:8': ('gratitude', 'positive', 1, 0, 0, 0, ''),
    '932447fd38cb366d59b7ca7012a661b8:4': ('anxiety', 'negative', 1, 0, 0, 1, 'needs to buy soon'),
    '932447fd38cb366d59b7ca7012a661b8:12': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    '946a6a36cbb4469ff77794f3b22fb9e9:2': ('anxiety', 'negative', 1, 0, 0, 1, 'needs it tomorrow before a holiday trip'),
    '946a6a36cbb4469ff77794f3b22fb9e9:4': ('anxiety', 'negative', 2, 0, 0, 1, 'late delivery would ruin holiday travel plans'),
    '946a6a36cbb4469ff77794f3b22fb9e9:10': ('anxiety', 'negative', 1, 0, 0, 1, 'otherwise there is no time'),
    '946a6a36cbb4469ff77794f3b22fb9e9:16': ('gratitude', 'positive', 2, 0, 0, 0, 'thanks plus holiday wishes'),
    '94f4ca8a758a1fdf44880b8a47ef9ff0:8': ('gratitude', 'positive', 1, 0, 0, 0, "'you worked hard' as thanks"),
    '957f6fbb21e4cfbc88b0629ef2d46758:0': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    '957f6fbb21e4cfbc88b0629ef2d46758:8': ('gratitude', 'positive', 1, 0, 0, 0, 'reluctant OK but ends in sincere thanks'),
    '9c1d666c9e10dec991852cb0864f0df5:6': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    '9c1d666c9e10dec991852cb0864f0df5:16': ('gratitude', 'positive', 1, 0, 0, 0, 'polite closing thanks after a fee explanation'),
    '9dcc779abee756065609d5dd2a4820d5:12': ('joy', 'positive', 1, 0, 0, 0, 'promises a good review'),
    '9f2f8d18cabd82828f315990cd9427b8:4': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    'a14a903b93d5e3cab5daefe84586b887:6': ('anger', 'negative', 1, 0, 0, 0, 'challenges the promised delivery day'),
    'a14a903b93d5e3cab5daefe84586b887:8': ('anger', 'negative', 1, 0, 0, 0, 'still not out for delivery'),
    'a14a903b93d5e3cab5daefe84586b887:10': ('sadness', 'negative', 1, 0, 0, 0, 'reluctant OK after the agent says nothing can be done'),
    'a14a903b93d5e3cab5daefe84586b887:12': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    'a2a1f0bf5171ea2be05208216e2e7e3a:2': ('anger', 'negative', 1, 0, 0, 0, 'impatient: where is everyone'),
    'a2be137429c95bd9914ddf51887e4166:2': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    'a355848123c808ee053548b340e8bbd4:2': ('anxiety', 'negative', 1, 0, 0, 0, 'worried about losing money after a price drop'),
    'a355848123c808ee053548b340e8bbd4:6': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    'a355848123c808ee053548b340e8bbd4:8': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    'a38c7991f9de65bff762c5ef04fbfecb:2': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    'a3bf75f05b9082aaa7ca51304582317f:0': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    'a3bf75f05b9082aaa7ca51304582317f:18': ('sadness', 'negative', 1, 0, 0, 0, 'reluctant OK after hearing the feature is not available'),
    'a4357e7b8e176924aa368e1af5f05c1a:10': ('surprise', 'negative', 1, 0, 0, 0, 'disbelief it only shipped now'),
    'a4357e7b8e176924aa368e1af5f05c1a:12': ('anger', 'negative', 1, 0, 0, 0, 'irritated: nobody called'),
    'a4357e7b8e176924aa368e1af5f05c1a:20': ('gratitude', 'positive', 1, 0, 0, 0, ''),
    'a55e54adcc50d52799f0e66663f6f7db:2': ('anxiety', 'negative', 1, 0, 0, 1, 'says he is in a hurry'),
    'a55e54adcc50d52799f0e66663f6f7db:4': ('anger', 'negative', 2, 0, 0, 1, 'dismisses the excuse, demands speed'),
    'a55e54adcc50d52799f0e66663f6f7db:6': ('anger', 'negative', 2, 0, 0, 1, 'demands speed'),
    'a55e54adcc50d52799f0e66663f6f7db:8': ('anger', 'negative', 1, 0, 0, 1, 'third push to hurry'),
    'a568c4cc130fc42ec23b0ecdbc0285f9:4': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    'a568c4cc130fc42ec23b0ecdbc0285f9:6': ('neutral', 'neutral', 0, 0, 0, 0, 'puzzled question'),
    'a568c4cc130fc42ec23b0ecdbc0285f9:8': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    'a568c4cc130fc42ec23b0ecdbc0285f9:16': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    'a568c4cc130fc42ec23b0ecdbc0285f9:20': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    'a6375ca91cbcd6a2a1630673b62e47b6:8': ('gratitude', 'positive', 1, 0, 0, 0, ''),
    'a768172d0b0e46d85626d98ac6ff428b:4': ('anger', 'negative', 1, 0, 0, 0, 'triple question marks, impatient'),
    'a768172d0b0e46d85626d98ac6ff428b:6': ('anger', 'negative', 1, 0, 0, 0, 'hyperbolic complaint about waiting'),
    'a768172d0b0e46d85626d98ac6ff428b:12': ('anxiety', 'negative', 1, 0, 0, 1, 'gift for a holiday, needs it before a set hour'),
    'a768172d0b0e46d85626d98ac6ff428b:14': ('sadness', 'negative', 1, 0, 0, 0, 'reluctant OK, no time guarantee for a gift'),
    'a972ca6829de5c6a81e6157122204786:2': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    'aa441a9ae2b98618461f53b3aac7494c:2': ('neutral', 'neutral', 0, 0, 0, 0, 'defect reported factually with a polite request'),
    'aa441a9ae2b98618461f53b3aac7494c:4': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    'aa50d4986e062168506c1868cd9f1f81:8': ('sadness', 'negative', 1, 0, 0, 0, 'resigned: nothing can be done'),
    'acd7657c3b541646b507f3513bc00d1f:2': ('anger', 'negative', 1, 0, 0, 0, 'invoice missing from the parcel'),
    'acd7657c3b541646b507f3513bc00d1f:4': ('anger', 'negative', 1, 0, 0, 0, 'protests the site offered a paper invoice'),
    'acd7657c3b541646b507f3513bc00d1f:6': ('sadness', 'negative', 1, 0, 0, 0, 'reluctant OK'),
    'ad564c18f5a1ced2e55a2c5f0d956365:4': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    'aeaea1c7cf69ae7857f22f38b2d7a1e0:2': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    'aeaea1c7cf69ae7857f22f38b2d7a1e0:16': ('neutral', 'neutral', 0, 0, 0, 0, 'chit-chat'),
    'af080ce6da5fe98743aa64fe17c3c433:0': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    'af080ce6da5fe98743aa64fe17c3c433:8': ('anger', 'negative', 1, 0, 0, 0, 'irritated at a non-answer'),
    'b12f53c4df638c04304adad5517d0690:2': ('anxiety', 'negative', 1, 0, 0, 0, 'worried the goods may be fake'),
    'b12f53c4df638c04304adad5517d0690:6': ('anxiety', 'negative', 1, 0, 0, 0, 'worried about fakes and compensation'),
    'b12f53c4df638c04304adad5517d0690:8': ('joy', 'positive', 1, 0, 0, 0, 'relief after reassurance'),
    'b319182cc42471cdc595c8de1bf2d34e:8': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    'b32a242ba7c5d9ce394f202ac96a29cb:2': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    'b32a242ba7c5d9ce394f202ac96a29cb:8': ('gratitude', 'positive', 1, 0, 0, 0, ''),
    'b3d6e1d9bcc268ee45a4e44a8c6974d9:8': ('sadness', 'negative', 1, 0, 0, 0, 'helpless, does not know what to do'),
    'b3d6e1d9bcc268ee45a4e44a8c6974d9:10': ('sadness', 'negative', 1, 0, 0, 0, 'reluctant OK, town not served'),
    'b61d7cd21c5048cc88482eed13064604:12': ('sadness', 'negative', 1, 0, 0, 0, 'reluctant OK, not arriving today'),
    'b697cdf0fa03a3edd54c758339db934b:6': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    'b697cdf0fa03a3edd54c758339db934b:16': ('anxiety', 'negative', 1, 0, 0, 0, 'explicitly worried about missing the delivery'),
    'b697cdf0fa03a3edd54c758339db934b:18': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    'b8691d1142533c9b5bfd2a3f62445f0a:6': ('anger', 'negative', 1, 0, 0, 0, 'impatient jab at a slow agent'),
    'b8691d1142533c9b5bfd2a3f62445f0a:16': ('anxiety', 'negative', 1, 0, 0, 0, 'sigh, return option vanished, what now'),
    'b8691d1142533c9b5bfd2a3f62445f0a:18': ('anger', 'negative', 1, 0, 0, 0, 'catches the agent contradicting himself'),
    'b98a42f16e69e0d3a157fdbcd3348b68:14': ('anger', 'negative', 3, 1, 0, 0, 'long run of question marks, demands an answer, threatens to cancel'),
    'b98a42f16e69e0d3a157fdbcd3348b68:16': ('anger', 'negative', 1, 1, 0, 0, 'hasty run-on text, threatens to cancel'),
    'bb528781f9cef3305d54008b5b96021e:2': ('surprise', 'negative', 1, 0, 0, 0, 'surprised the price dropped the next day'),
    'bb528781f9cef3305d54008b5b96021e:4': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    'bb528781f9cef3305d54008b5b96021e:14': ('gratitude', 'positive', 1, 0, 0, 0, ''),
    'bff546aaacde4de47181c480e7356891:2': ('neutral', 'neutral', 0, 0, 0, 1, 'asks if it arrives on time for a given date'),
    'bff546aaacde4de47181c480e7356891:4': ('anxiety', 'negative', 1, 0, 0, 1, 'needs it on a date, arrival is only an estimate'),
    'bff546aaacde4de47181c480e7356891:8': ('anxiety', 'negative', 1, 0, 0, 1, 'seeks assurance it will not be late'),
    'bff546aaacde4de47181c480e7356891:10': ('gratitude', 'positive', 1, 0, 0, 0, ''),
    'c3643500f3c2c25ec7444c284f6666a5:16': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    'c77f77662ce90e5c7fdf8056ba9ee35c:2': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    'c77f77662ce90e5c7fdf8056ba9ee35c:4': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    'c884e76acfd4774a1025a5536882bfc4:0': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    'c91cc73cf629a1178608fbcf296fc639:8': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    'c91cc73cf629a1178608fbcf296fc639:10': ('sadness', 'negative', 1, 0, 0, 0, 'reluctant OK, will reconsider'),
    'ca3317376ab1541310c72a294c825ff4:6': ('gratitude', 'positive', 1, 0, 0, 0, 'many thanks'),
    'ca59328cb6ffe9491e249bd46d262a82:0': ('surprise', 'negative', 1, 0, 0, 0, 'surprised the order is out of stock'),
    'ca5ebbb0de6b11c9eb299000207ffe1a:2': ('surprise', 'positive', 1, 0, 0, 0, 'pleasantly surprised the missing item turned up'),
    'cb3e1902-43c3-48bb-b969-af465f511517:0': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    'cb3e1902-43c3-48bb-b969-af465f511517:12': ('neutral', 'neutral', 0, 0, 0, 0, 'reluctant OK but cooperative; conditional promise of a good rating'),
    'cb986104a63e7d0b68da6dee5f3ce63f:0': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    'cb986104a63e7d0b68da6dee5f3ce63f:6': ('gratitude', 'positive', 1, 0, 0, 0, ''),
    'cb986104a63e7d0b68da6dee5f3ce63f:8': ('gratitude', 'positive', 1, 0, 0, 0, "'sorry for the trouble' as thanks"),
    'ce82853d-880c-4ea0-9ccd-2548485b1148:14': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    'cf3c7580d1b532b154587c40cd40f4a5:6': ('surprise', 'negative', 1, 0, 0, 0, 'dismayed interjection on learning the price is not fixed'),
    'd010bf7c0fd0c366ae36be9a67434315:6': ('gratitude', 'positive', 1, 0, 0, 0, ''),
    'd0709a06b8f7ebf43c878a165d9257a9:4': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    'd0709a06b8f7ebf43c878a165d9257a9:6': ('anxiety', 'negative', 1, 0, 0, 1, 'says it is a bit urgent'),
    'd1a265f3f00f20a7a350d5da7e7c29b1:4': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    'd7dbf6f5bed46bd185c659033adba14a:4': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    'd84c774d824c6d571ce3790b013e905d:0': ('sadness', 'negative', 1, 0, 0, 0, 'tears-of-joy emoji read as wry helplessness'),
    'd85ab3055389468e349e29ebaa74fbd5:0': ('sadness', 'negative', 1, 0, 0, 0, 'tears-of-joy emoji read as wry helplessness at redoing invoices'),
    'd85ab3055389468e349e29ebaa74fbd5:6': ('gratitude', 'positive', 1, 0, 0, 0, ''),
    'd8a9315d-08f8-494f-ba86-2707b9a7c119:10': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    'd94158277de93dec49926fcae7c2e4bb:0': ('anger', 'negative', 2, 0, 0, 0, 'has provided info several times; blames the agent'),
    'd94158277de93dec49926fcae7c2e4bb:2': ('anger', 'negative', 2, 0, 0, 0, 'demands resolution after repeating himself'),
    'd94158277de93dec49926fcae7c2e4bb:10': ('anxiety', 'negative', 1, 0, 0, 1, 'asks to hurry, says urgent'),
    'd95b0d78b2d790f0da574e359e2773a7:0': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    'dac170d3a7c96c03d60e26d702e2c94c:0': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    'dac170d3a7c96c03d60e26d702e2c94c:2': ('anger', 'negative', 1, 0, 0, 0, 'polite protest about price-protection window; ritual thanks'),
    'dd0fde3111315e17f239879165e6f886:6': ('sadness', 'negative', 1, 0, 0, 0, 'reluctant OK after the request was refused'),
    'deca54e91d02cbd83fbf78f245da969a:2': ('surprise', 'neutral', 1, 0, 0, 0, 'surprised the exchange arrives so soon; now inconvenient'),
    'deca54e91d02cbd83fbf78f245da969a:6': ('gratitude', 'positive', 1, 0, 0, 0, ''),
    'e06fbb2abc5f99b2c4d8add152625bf1:12': ('gratitude', 'positive', 1, 0, 0, 0, ''),
    'e1f474f56edcaa1678620272a1fc12f8:2': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    'e1f474f56edcaa1678620272a1fc12f8:4': ('gratitude', 'positive', 1, 0, 0, 0, ''),
    'e5c251200b334197db095fa63593d20f:0': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    'e5c251200b334197db095fa63593d20f:6': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    'e5d352b3c839d9cc11548a8c0dacf2cc:10': ('gratitude', 'positive', 2, 0, 0, 0, "thanks plus 'you worked hard'"),
    'e625d1f4c04ffb8c669773e798dbab60:8': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    'e625d1f4c04ffb8c669773e798dbab60:10': ('gratitude', 'positive', 1, 0, 0, 0, "'sorry for the trouble' as thanks"),
    'e683ddc747bb883f66f08f4686157508:4': ('anger', 'negative', 1, 0, 0, 1, 'pushes to hurry after non-delivery'),
    'e72cf7309638e2a1bfd979f4ce2edf47:2': ('neutral', 'neutral', 0, 0, 0, 0, 'customer pasted agent boilerplate by mistake'),
    'e953527afd12e5499cb20ce363253716:0': ('anger', 'negative', 1, 0, 0, 0, 'repeated question about no result'),
    'e953527afd12e5499cb20ce363253716:4': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    'e953527afd12e5499cb20ce363253716:8': ('gratitude', 'positive', 1, 0, 0, 0, 'mild remark (applied without notifying me) then warm thanks'),
    'ea1f99d3585b1b67b63472bd388451ed:2': ('anger', 'negative', 1, 0, 0, 0, 'dissatisfied, loses the promo price if returning'),
    'ea1f99d3585b1b67b63472bd388451ed:4': ('sadness', 'negative', 1, 0, 0, 0, 'reluctant OK to return instead of exchange'),
    'ea1f99d3585b1b67b63472bd388451ed:8': ('anger', 'negative', 1, 0, 0, 0, 'indignant: members should get free returns'),
    'ee7474a7e6a0ed97dc753db396f8e79a:4': ('anger', 'negative', 1, 0, 0, 0, 'double question marks about a missing book'),
    'ee7474a7e6a0ed97dc753db396f8e79a:10': ('gratitude', 'positive', 1, 0, 0, 0, ''),
    'efc63ce4257028093e5c72d9f4bc899f:6': ('gratitude', 'positive', 2, 0, 0, 0, 'thanks plus five-star promise'),
    'f10e4a9b6c9220c7946bac08d9d49bbc:2': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    'f10e4a9b6c9220c7946bac08d9d49bbc:6': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    'f3044f87a6af313b7fc06e1d66d69b45:4': ('anxiety', 'negative', 1, 0, 0, 1, 'has to go out urgently'),
    'f3044f87a6af313b7fc06e1d66d69b45:6': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    'f3044f87a6af313b7fc06e1d66d69b45:10': ('anger', 'negative', 1, 0, 0, 0, 'complains courier is too slow'),
    'f3044f87a6af313b7fc06e1d66d69b45:12': ('sadness', 'negative', 1, 0, 0, 0, 'reluctant OK after cross-city change refused'),
    'f3044f87a6af313b7fc06e1d66d69b45:16': ('gratitude', 'positive', 1, 0, 0, 0, 'reluctant OK followed by thanks: polite closing counts as gratitude'),
    'f3e3bff5e99cc8f525ccebe9430deada:0': ('anger', 'negative', 1, 0, 0, 1, 'promised callback time approaching, nothing yet'),
    'f3e3bff5e99cc8f525ccebe9430deada:2': ('anger', 'negative', 1, 0, 0, 0, 'impatient demand for the result'),
    'f3e3bff5e99cc8f525ccebe9430deada:4': ('anger', 'negative', 2, 0, 0, 1, 'how much longer, deadline is almost here'),
    'f6e82caacedc2c8d27df370540eb0058:2': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    'f7e31dbb806b98ca9ccb76e51abbe519:0': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    'f7e31dbb806b98ca9ccb76e51abbe519:4': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    'f9f6c85e4696daaaeda068c9c37ff239:8': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    'fade0ca28efed6c620ffcc08cbf2e1b0:12': ('neutral', 'neutral', 0, 0, 0, 0, 'apologises for a false alarm'),
    'fb01be5d717a8b337ea8555cc66de1cd:8': ('anxiety', 'negative', 1, 0, 0, 0, 'fears the recipient will not be home'),
    'fb01be5d717a8b337ea8555cc66de1cd:12': ('sadness', 'negative', 1, 0, 0, 0, 'reluctant OK, no exact delivery time'),
    'fb9d774f3d940c154b21e94b6f8073e3:10': ('gratitude', 'positive', 1, 0, 0, 0, "'you worked hard' as thanks"),
    'fc019616d352c91c16d0ff617618cb75:8': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    'fec593f37d146294ec7585643d8a48d7:0': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    'fec593f37d146294ec7585643d8a48d7:6': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    'fedb05f42f67dbf5079b753669ecc4b3:0': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    'fedb05f42f67dbf5079b753669ecc4b3:8': ('neutral', 'neutral', 0, 0, 0, 0, ''),
    'fedb05f42f67dbf5079b753669ecc4b3:12': ('gratitude', 'positive', 1, 0, 0, 0, "thanks plus 'sorry for the trouble'"),
}


def main() -> None:
    turns = [(tid, text) for tid, text in iter_customer_turns("dev") if eligible(text)]
    texts = dict(turns)
    random_ids = {tid for tid, _ in random.Random(SEED).sample(turns, N_RANDOM)}

    all_dev = dict(iter_customer_turns("dev"))
    errors = []
    for tid, (emotion, polarity, intensity, esc, sarc, urg, note) in LABELS.items():
        if tid not in all_dev:
            errors.append(f"{tid}: not a dev-half customer turn")
        elif tid not in texts:
            errors.append(f"{tid}: turn is filtered out (empty or masked-only)")
        if emotion not in EMOTIONS:
            errors.append(f"{tid}: bad emotion {emotion!r}")
        if emotion == "surprise":
            if polarity not in ("negative", "neutral", "positive"):
                errors.append(f"{tid}: bad polarity {polarity!r}")
        elif polarity != POLARITY_OF.get(emotion):
            errors.append(f"{tid}: polarity {polarity!r} inconsistent with {emotion}")
        if intensity not in (0, 1, 2, 3) or (emotion == "neutral") != (intensity == 0):
            errors.append(f"{tid}: bad intensity {intensity!r} for {emotion}")
        if any(flag not in (0, 1) for flag in (esc, sarc, urg)):
            errors.append(f"{tid}: flags must be 0/1")
        if re.search(r"[\u4e00-\u9fff]", note):
            errors.append(f"{tid}: note must be English (no message text)")
    missing = sorted(random_ids - LABELS.keys())
    if missing:
        errors.append(f"{len(missing)} random turns have no label, e.g. {missing[:3]}")
    targeted = [tid for tid in LABELS if tid not in random_ids]
    if len(targeted) < MIN_TARGETED:
        errors.append(f"only {len(targeted)} targeted turns (< {MIN_TARGETED})")
    if any(LABELS[tid][0] == "neutral" for tid in targeted):
        errors.append("targeted turns are meant to be non-neutral")
    if errors:
        raise SystemExit("\n".join(errors))

    order = {tid: n for n, (tid, _) in enumerate(turns)}
    rows = []
    for tid in sorted(LABELS, key=order.__getitem__):
        emotion, polarity, intensity, esc, sarc, urg, note = LABELS[tid]
        row = {"id": tid, "hash": text_hash(texts[tid]),
               "selection": "random" if tid in random_ids else "targeted",
               "emotion": emotion, "polarity": polarity, "intensity": intensity,
               "escalation": esc, "sarcasm": sarc, "urgency": urg}
        if note:
            row["note"] = note
        rows.append(row)
    with OUT.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")

    print(f"wrote {len(rows)} rows to {OUT} ({len(rows) - len(targeted)} random, {len(targeted)} targeted)")
    for field in ("emotion", "polarity", "intensity", "escalation", "sarcasm", "urgency"):
        for sel in ("random", "targeted", None):
            counts = Counter(r[field] for r in rows if sel is None or r["selection"] == sel)
            print(f"{field:10s} {sel or 'all':8s} {dict(sorted(counts.items(), key=lambda kv: str(kv[0])))}")


if __name__ == "__main__":
    main()
