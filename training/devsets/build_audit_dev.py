"""Build the two agent-audit dev sets from the jddc_sample dev half (hand labels, no message text stored).

1. ``audit_dev.jsonl``: 120 agent replies labeled for the empathy layers (cognitive, affective, action) and
   for confirmation, verify_need and perfunctory. Labels live in AUDIT_LABELS (turn id -> labels).
2. ``dialogue_states.jsonl``: the customer's end state for every dev-half dialogue (satisfied, neutral,
   unresolved, angry, escalating) and whether an escalation threat appears anywhere. Labels live in STATES.

All labels were written by a human reader from the dialogue text only (no model output was consulted); see
README_audit.md for the definitions, the protocol and the hard-case rules.

Selection is recomputed, not stored: the pool is every agent turn of a dev-half dialogue whose preceding turn is
a customer turn, in file order; it is shuffled with ``random.Random(20261127)`` and the first 120 turns that pass
the skip filter (not empty, not made only of masked tokens such as "[数字x]") are the sample. The script fails if
a sampled turn has no label, if a label is not for a sampled turn, if a value is malformed, if a dev dialogue
lacks an end state, or if a note contains CJK characters (notes are English, no message text). Each audit row
stores ``text_hash`` of the agent turn so a changed source is detected.

Run:  python training/devsets/build_audit_dev.py
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
from jddc_split import half_of, iter_dialogues, text_hash, turn_id  # noqa: E402

AUDIT_OUT = HERE / "audit_dev.jsonl"
STATES_OUT = HERE / "dialogue_states.jsonl"
SEED = 20261127
N_SAMPLE = 120

FLAGS = ("cognitive", "affective", "action", "confirmation", "verify_need", "perfunctory")
END_STATES = ("satisfied", "neutral", "unresolved", "angry", "escalating")
MASKED_ONLY = re.compile(r"(\[[^\[\]]*x\]\s*)+")
CJK = re.compile(r"[\u4e00-\u9fff]")


def eligible(text: str) -> bool:
    """Skip filter: drop empty turns and turns made only of masked tokens like "[数字x]" or "[订单x] [链接x]"."""
    stripped = text.strip()
    return bool(stripped) and not MASKED_ONLY.fullmatch(stripped)


# agent turn id -> (cognitive, affective, action, confirmation, verify_need, perfunctory, note)
AUDIT_LABELS: dict[str, tuple[int, int, int, int, int, int, str]] = {
    '00db2eeeb16e3a594565f6f17dc56201:5': (0, 0, 0, 0, 0, 0, ''),
    '016d7a3e93c1365a37935fd3385f7471:11': (1, 0, 0, 0, 0, 0, ''),
    '06d51010112ea9bba424686919818026:5': (0, 0, 0, 0, 0, 0, 'fact question about pickup; neither a restatement nor a need question'),
    '08492cdfec961fed2248aca725da900f:11': (0, 0, 0, 0, 0, 0, ''),
    '0b106bc67ce71fa28e355a1e29ebc42c:1': (0, 0, 0, 0, 0, 0, 'greeting template'),
    '0b106bc67ce71fa28e355a1e29ebc42c:17': (0, 0, 1, 0, 0, 0, ''),
    '0b106bc67ce71fa28e355a1e29ebc42c:3': (0, 0, 0, 0, 0, 0, 'order-number request only'),
    '0b47972f58121deac0a8c0a934d383ff:1': (0, 0, 0, 1, 0, 0, 'item check; ignores the complaint about a single courier'),
    '0dd4880cba428e50ea21056510d360b9:5': (1, 0, 1, 0, 0, 0, 'order already refunded, so re-order'),
    '0ef81ced78b182ee3710681b5f63060f:13': (0, 0, 0, 0, 0, 0, ''),
    '0fc0738c737cac04138c2c61f0c358bf:7': (1, 0, 0, 0, 0, 0, 'answers for the specific address given'),
    '17fa6a8a3942664c756d68f0f042c80b:13': (0, 0, 0, 0, 0, 0, 'compliment plus closing after a reluctant OK'),
    '17fa6a8a3942664c756d68f0f042c80b:9': (0, 0, 0, 0, 0, 0, 'generic review timeline; ignores the insult about JD self-operated service'),
    '1db8ed394df3fbba75dd8d304da70c94:7': (0, 0, 0, 0, 0, 0, ''),
    '1f9bfb2bdb72a8c90093c18bdb6982c4:3': (0, 0, 0, 0, 0, 1, 'fragment repeating the previous answer; no date given'),
    '20f86401b901a19f9e7a3adb91b3d414:5': (1, 0, 0, 0, 0, 0, ''),
    '21f36333f5d7d29f11e2a95c5f19c292:15': (0, 0, 0, 0, 0, 1, 'bare yes'),
    '21f36333f5d7d29f11e2a95c5f19c292:21': (0, 0, 0, 0, 0, 0, ''),
    '21f36333f5d7d29f11e2a95c5f19c292:3': (1, 0, 1, 0, 0, 0, 'checking, then reports the orders have shipped and arrive tomorrow'),
    '21f36333f5d7d29f11e2a95c5f19c292:5': (0, 0, 1, 0, 0, 0, 'instruction (refuse delivery) but does not answer which parcels shipped'),
    '269a5e859745100cae705698838b41fd:1': (0, 0, 0, 0, 0, 0, 'opening template (previous issue or new one) counts as ritual, not verify_need'),
    '269a5e859745100cae705698838b41fd:5': (1, 0, 1, 0, 0, 0, 'answers the exchange question; tells the customer to follow the review outcome'),
    '2763ad45902af5a873f03f52c5030b7f:3': (0, 0, 0, 0, 0, 1, "bare 'OK' plus closing ritual; ignores the request to hurry"),
    '3376b0c7b6e5423e6253313da8260dc2:3': (0, 0, 0, 0, 0, 0, 'bare masked phone fragment; function unclear'),
    '3566ee4d90c2cbf9df7b7df851f867ad:13': (0, 0, 1, 0, 0, 0, 'vague timing but names the act (will contact you)'),
    '378380dd5a12337b05880eb22a8f6ee7:7': (0, 0, 0, 0, 0, 1, 'bare yes'),
    '37b68fcb3611037292489bf53c5ae2a3:7': (0, 0, 0, 0, 0, 0, 'asks whether the customer is a merchant'),
    '3e65e31e1addf1bf3c1f11bcb5ece73a:1': (0, 0, 0, 0, 0, 0, "generic 'what is the problem' opener; ignores the request for a human"),
    '3f9a6316c816723b4e6f63a697f09a64:7': (0, 0, 1, 1, 0, 0, 'lists the items and asks whether these are the ones'),
    '414efb38bf9d1eabaa22a25de233118e:1': (0, 0, 0, 0, 0, 0, 'greeting plus order-selection instructions; identifies the order, not a next step'),
    '414efb38bf9d1eabaa22a25de233118e:5': (1, 0, 0, 0, 0, 0, 'computed refund for the item'),
    '423cf20167b2166e30034ab0746b5e15:1': (0, 0, 0, 0, 0, 0, 'opening template'),
    '42e25be2f96d052772bda92eb9c773c2:3': (0, 0, 0, 1, 0, 0, 'is this the order'),
    '48aee43a3a9dc820a9fd1ec75e0d0cdb:17': (0, 0, 0, 0, 0, 1, "bare 'OK'"),
    '49468b1f35a567af8322dad7a9aefbc0:19': (0, 0, 0, 0, 0, 0, ''),
    '49468b1f35a567af8322dad7a9aefbc0:9': (0, 1, 1, 0, 0, 0, ''),
    '49b05c70913e771f1870ae52484a0af6:3': (0, 0, 0, 0, 0, 1, "bare 'please wait, OK'"),
    '4a5f2a2884f5f1c054d6633f6ef0c0f7:11': (0, 0, 0, 0, 0, 0, ''),
    '4a5f2a2884f5f1c054d6633f6ef0c0f7:9': (0, 0, 0, 0, 0, 0, ''),
    '4a65daed951068ac5cdc0e5742bf79cd:19': (0, 0, 0, 0, 0, 0, "generic 'depends on inspection' answer; borderline brush-off, kept 0"),
    '4a65daed951068ac5cdc0e5742bf79cd:5': (0, 0, 0, 0, 0, 1, "'OK, please wait' plus a masked number; nothing substantive in the text"),
    '4af18e3b-5aa8-4303-95ef-073169d19587:7': (0, 0, 0, 0, 1, 0, 'offers a product option'),
    '4c9cbef38dfdf8e86fb51f8be04318b3:11': (0, 0, 0, 0, 0, 0, ''),
    '4c9cbef38dfdf8e86fb51f8be04318b3:3': (1, 0, 1, 0, 0, 0, 'seller-shipped item; promises to follow up until delivery'),
    '4c9cbef38dfdf8e86fb51f8be04318b3:5': (0, 0, 0, 0, 0, 0, "tries to talk the customer out of the return; 'let me check' here is not a real step"),
    '53681b204c20136162b87492d18570ca:13': (0, 0, 1, 0, 0, 0, ''),
    '56647f3dd555adcbbd7824ea59e1b459:7': (0, 0, 1, 0, 0, 0, ''),
    '58ab9387a0898040a468e37b932ebcae:5': (1, 0, 0, 0, 0, 0, "refers to the customer's successful price protection"),
    '5d24a7df9df73ee8b1491d2b2cde4158:23': (0, 0, 0, 0, 0, 1, "bare 'OK' to a new request"),
    '5d24a7df9df73ee8b1491d2b2cde4158:27': (0, 0, 0, 0, 0, 1, "contentless 'no'"),
    '5d805aa18b630c65790a3d0f9f81e361:7': (0, 0, 0, 0, 0, 0, 'rating request'),
    '5dc7a565a99a5432fcc9c18fe0bcb8cc:19': (0, 0, 0, 0, 0, 1, 'bare yes answering a yes/no question'),
    '5df2970b4776aab98abd2d504c724718:3': (0, 0, 1, 0, 0, 0, ''),
    '5e70feba3a0bad15c68e3886e809f734:5': (0, 0, 0, 0, 0, 0, 'order-number request only'),
    '5e70feba3a0bad15c68e3886e809f734:9': (1, 0, 1, 0, 0, 0, ''),
    '5f6954bf-ecf0-4d60-bb91-bd8fc4df2ab4:7': (0, 0, 0, 0, 0, 1, 'closing ritual in reply to a link the customer sent about the request'),
    '60a88ba6a37fd088139e2bd6af5915bd:3': (0, 0, 0, 0, 1, 0, 'masked field request plus an either/or choice of invoice type'),
    '60aac3dc-0915-4f53-87b3-9839146e567e:1': (0, 0, 0, 0, 0, 0, ''),
    '645fc6b8b38bef197fe806c7cf0ce34b:11': (1, 0, 0, 0, 0, 0, 'order-specific stock estimate; admits no exact date but still answers'),
    '6fd63072784f3971ec16b6a2fb9a3b37:3': (0, 0, 0, 0, 0, 1, 'cannot be queried, no alternative'),
    '701cdb94e4e4d58734e213257468cc97:5': (0, 0, 1, 0, 0, 0, ''),
    '70a00d7957d2cb250fca390ae67c661a:23': (0, 0, 0, 0, 0, 0, ''),
    '71f9b09363be9cc436ec23ed47e844a2:5': (1, 0, 0, 0, 0, 1, 'rule-based refusal specific to the order, no alternative'),
    '7299db612db1117ef50d3f16031062a9:1': (0, 0, 0, 0, 0, 0, 'request for phone numbers only'),
    '737b621261dc8dac9e1431c187a4af80:3': (1, 0, 0, 0, 0, 0, 'says the order is already cancelled; refund timeline is information, not action'),
    '737b621261dc8dac9e1431c187a4af80:5': (1, 0, 0, 0, 0, 0, "status of the customer's cancellation"),
    '7731c001558570f34d2169ec7796c62b:7': (0, 0, 0, 0, 0, 1, 'bare yes/no answer, filler by the seed definition'),
    '77470b07149272fd35fafc7902dfd2d4:7': (0, 0, 0, 0, 0, 0, 'closing after the customer sent the contact number the agent had asked for'),
    '77470b07149272fd35fafc7902dfd2d4:9': (0, 0, 0, 0, 0, 1, "vague 'will tell you later' plus goodbye to an open question"),
    '7cea1757580aa852fa18fad34706aef4:7': (0, 0, 0, 0, 0, 0, ''),
    '8570c4e4a442b9ed814647df56cbf06f:1': (0, 0, 0, 0, 0, 0, 'greeting template'),
    '8868e06cf6043c0182b00b1af0a8be64:7': (0, 1, 0, 0, 0, 1, "apology and 'don't worry' but only repeated 'please wait' after a complaint: stall with no help"),
    '8a88984af779d4f2c45218e4c172e224:7': (0, 0, 0, 0, 0, 0, 'ritual closing apology'),
    '8b908f590e0c665eccbfa2784a802df6:1': (0, 1, 0, 0, 0, 0, 'apologises for the inconvenience before a trip'),
    '90278dff95cd27859879aeb767ab684b:15': (1, 0, 1, 0, 0, 0, ''),
    '90278dff95cd27859879aeb767ab684b:7': (0, 0, 1, 0, 0, 0, 'only way out is cancel and re-order; a path, so not a brush-off'),
    '92ae02ee55a0b577bbcc8fe710bc60af:11': (0, 0, 0, 0, 0, 0, ''),
    '94f4ca8a758a1fdf44880b8a47ef9ff0:5': (0, 1, 0, 0, 0, 0, "'thanks for waiting patiently' (xinku) counted as acknowledging the wait; timeline is generic"),
    '9c570295904e69a50e321a61f2cc9433:5': (0, 0, 1, 0, 0, 0, 'e-invoice will be issued within hours; generic policy, so not cognitive'),
    'a355848123c808ee053548b340e8bbd4:13': (0, 0, 0, 0, 0, 0, ''),
    'a355848123c808ee053548b340e8bbd4:5': (0, 0, 1, 0, 0, 0, 'copy of the previous answer; does not answer cancel-or-not'),
    'a37fcd8594f0437c23c6050a6b098e67:3': (0, 0, 0, 0, 0, 0, 'bare masked number plus office hours; unclear it is a phone line until the next turn'),
    'a37fcd8594f0437c23c6050a6b098e67:5': (0, 0, 1, 0, 0, 0, 'says the number is the merchant-onboarding hotline'),
    'a38c7991f9de65bff762c5ef04fbfecb:7': (0, 0, 0, 0, 0, 1, "bare 'I am here'"),
    'a3bf75f05b9082aaa7ca51304582317f:1': (0, 0, 0, 0, 0, 0, 'greeting template'),
    'a6375ca91cbcd6a2a1630673b62e47b6:5': (0, 0, 1, 0, 0, 0, ''),
    'a8b47d5360bded62067ebf4f589453c4:1': (0, 0, 1, 0, 0, 0, ''),
    'aa50d4986e062168506c1868cd9f1f81:11': (0, 0, 0, 0, 0, 0, "closing 'thanks for your trouble' treated as ritual"),
    'aa50d4986e062168506c1868cd9f1f81:5': (0, 1, 0, 0, 0, 0, "only 'thanks for waiting patiently' (xinku)"),
    'aa50d4986e062168506c1868cd9f1f81:7': (0, 1, 0, 0, 0, 1, 'apology plus refusal with no alternative'),
    'ad564c18f5a1ced2e55a2c5f0d956365:5': (0, 0, 0, 0, 1, 0, 'asks which kind of after-sales service is wanted'),
    'af080ce6da5fe98743aa64fe17c3c433:7': (0, 0, 1, 0, 0, 0, ''),
    'b12f53c4df638c04304adad5517d0690:1': (0, 0, 0, 0, 0, 0, 'greeting template'),
    'b12f53c4df638c04304adad5517d0690:7': (0, 1, 0, 0, 0, 0, "'rest assured' reassurance; does not answer the compensation question"),
    'b3d6e1d9bcc268ee45a4e44a8c6974d9:1': (0, 0, 0, 0, 0, 0, 'greeting template'),
    'b8691d1142533c9b5bfd2a3f62445f0a:13': (1, 0, 1, 0, 0, 0, 'restates the wish to switch models; tells which option to choose'),
    'bb528781f9cef3305d54008b5b96021e:3': (1, 0, 1, 0, 0, 0, "price-protection result for the item; 'right?' checks the agent's own figure, not the customer's facts"),
    'c35a5c611fe629a3b8c919f7f570e9d6:9': (0, 0, 0, 0, 0, 0, ''),
    'c427e9ca6c3e71b6ca1e5bec8ce5228c:5': (0, 0, 0, 0, 0, 1, 'refusal with no alternative'),
    'c72ef527699a92d3daa7634e1edd7eb6:19': (0, 0, 0, 0, 0, 0, "closing with a ritual 'forgive any neglect', not affective"),
    'c77f77662ce90e5c7fdf8056ba9ee35c:9': (0, 0, 0, 0, 0, 0, 'closing after thanks'),
    'c78cb751831739f61fa9ab3ef8ba8e23:5': (0, 0, 0, 0, 0, 1, 'closing ritual in reply to an open complaint about spoiled food'),
    'c884e76acfd4774a1025a5536882bfc4:1': (0, 0, 0, 1, 0, 0, 'is this the order'),
    'ca59328cb6ffe9491e249bd46d262a82:5': (1, 0, 0, 0, 0, 0, 'confirms the order was placed, with content beyond a bare yes'),
    'ca6e1bdf-5213-46c4-84dc-5f7c0ed29e98:11': (0, 0, 1, 0, 0, 0, 'advises ordering first'),
    'ca6e1bdf-5213-46c4-84dc-5f7c0ed29e98:5': (0, 0, 1, 0, 0, 0, 'generic how-to for the product'),
    'cf3c7580d1b532b154587c40cd40f4a5:9': (0, 0, 1, 0, 0, 0, ''),
    'd8a9315d-08f8-494f-ba86-2707b9a7c119:1': (0, 0, 0, 0, 0, 0, 'greeting template ignoring a product question'),
    'd94158277de93dec49926fcae7c2e4bb:13': (0, 0, 0, 0, 0, 1, "bare 'OK' plus closing ritual; ignores the request to hurry"),
    'deca54e91d02cbd83fbf78f245da969a:5': (0, 0, 0, 0, 0, 0, ''),
    'e06fbb2abc5f99b2c4d8add152625bf1:7': (0, 0, 0, 0, 0, 0, 'request for the new phone number only'),
    'e1f474f56edcaa1678620272a1fc12f8:5': (0, 0, 0, 0, 0, 0, 'closing after thanks'),
    'e625d1f4c04ffb8c669773e798dbab60:9': (0, 0, 1, 0, 0, 0, ''),
    'e953527afd12e5499cb20ce363253716:3': (1, 0, 1, 1, 0, 0, 'restates the price-drop request and asks to confirm'),
    'e953527afd12e5499cb20ce363253716:7': (1, 0, 0, 0, 0, 0, ''),
    'f10e4a9b6c9220c7946bac08d9d49bbc:3': (1, 0, 1, 0, 0, 0, ''),
    'f3044f87a6af313b7fc06e1d66d69b45:11': (0, 0, 0, 0, 0, 1, 'deflects a slow-delivery complaint to the third-party seller, no help'),
    'f700cc7c6097164aa358a4721bf5d340:7': (0, 0, 0, 0, 0, 0, ''),
    'fb01be5d717a8b337ea8555cc66de1cd:1': (0, 0, 0, 0, 0, 0, 'greeting template after a concrete request; greeting alone is not perfunctory'),
    'fc019616d352c91c16d0ff617618cb75:3': (0, 0, 0, 0, 0, 0, 'order-number request only'),
}

# session id -> (end_state, threatened, note)
STATES: dict[str, tuple[str, int, str]] = {
    '00db2eeeb16e3a594565f6f17dc56201': ('satisfied', 0, ''),
    '00edf97b7bc09c2c5eb300fe97b94c3c': ('satisfied', 0, ''),
    '016d7a3e93c1365a37935fd3385f7471': ('neutral', 0, 'cancellation done; ends on a plain OK after asking if it went through'),
    '040843ebf2fcd1c1ea3ca0493171ea69': ('unresolved', 0, 'reluctant OK after self-service instructions; change likely impossible'),
    '04bfc8f0-95c2-4cc5-9bf6-eef77678f3cc': ('satisfied', 0, ''),
    '069946a4ebae1c3da94357a5a76ea38b': ('satisfied', 0, ''),
    '06d51010112ea9bba424686919818026': ('neutral', 0, 'merchant; dialogue ends on the agent'),
    '08492cdfec961fed2248aca725da900f': ('satisfied', 0, 'reluctant OK about the refund amount, then thanks'),
    '086e7d60-8d2d-4115-bff2-2be5a0e7f8d2': ('satisfied', 0, ''),
    '08b3195f0983ed19d186d9acbcd2bfed': ('satisfied', 0, ''),
    '0b106bc67ce71fa28e355a1e29ebc42c': ('satisfied', 0, ''),
    '0b47972f58121deac0a8c0a934d383ff': ('satisfied', 0, 'complains about a single courier mid-way, closes with thanks'),
    '0dd4880cba428e50ea21056510d360b9': ('neutral', 0, 'must pay again; plain OK'),
    '0e56403f6cb0605a958506bbd96ec4e4': ('satisfied', 0, ''),
    '0ef81ced78b182ee3710681b5f63060f': ('neutral', 0, 'refund being chased; plain OK, no closing'),
    '0fc0738c737cac04138c2c61f0c358bf': ('neutral', 0, 'merchant address checks; ends on the agent'),
    '1181a24c0bdfe4d532e7dc202ee229f1': ('satisfied', 0, ''),
    '13c5007f-e390-417e-a876-d72495f3ab21': ('neutral', 0, ''),
    '1458e95f-d329-4755-950e-87ac8d628ae8': ('satisfied', 0, ''),
    '16cc4dd8d8999a3abbc274747acb6fdd': ('angry', 0, 'ends blaming the back office after days of chasing'),
    '17fa6a8a3942664c756d68f0f042c80b': ('neutral', 1, 'churn remark mid-way (how can I shop here in future); refund submitted, ends on a plain OK'),
    '1a4a103f-72b0-4aa4-9261-4b09cfff0c2c': ('satisfied', 0, ''),
    '1be453ef8d66312e2480ee165ed07bbd': ('satisfied', 0, ''),
    '1da174cf1e357d61da4a7a8dcd5ec3ad': ('satisfied', 0, ''),
    '1db8ed394df3fbba75dd8d304da70c94': ('satisfied', 0, ''),
    '1f4e184bc1209135f86c34745c78d635': ('satisfied', 0, ''),
    '1f9bfb2bdb72a8c90093c18bdb6982c4': ('unresolved', 0, 'out of stock; resigned ellipsis, will wait'),
    '20f86401b901a19f9e7a3adb91b3d414': ('satisfied', 0, ''),
    '21f36333f5d7d29f11e2a95c5f19c292': ('satisfied', 0, ''),
    '2300653b028f3c7122239e542027ead1': ('unresolved', 0, 'out of stock; friend pressing; ends on the agent'),
    '269a5e859745100cae705698838b41fd': ('satisfied', 0, ''),
    '271e0e31975669e565d7d1466a6c25df': ('satisfied', 0, ''),
    '2763ad45902af5a873f03f52c5030b7f': ('satisfied', 0, ''),
    '28338d958c97d8de08cfb30adc4284ff': ('neutral', 0, ''),
    '2ba5c8010eb5db58f64cba29527fc49e': ('satisfied', 0, ''),
    '2c712efc19f80a28db09c87af1b895fe': ('satisfied', 0, 'request refused but answered; thanks'),
    '2ea5c60506dc91e9ce0a5911a8d39b7e': ('satisfied', 0, ''),
    '2f99a332a1c0bfc9ad9e5c7bf1915bbc': ('satisfied', 0, ''),
    '31b63e1a32c2e6cc80c688aa110f9ae5': ('satisfied', 0, ''),
    '333d9faa-15c6-4779-9a8e-eb78a5746da5': ('neutral', 0, 'says they will order; no thanks or close'),
    '3376b0c7b6e5423e6253313da8260dc2': ('satisfied', 0, ''),
    '3566ee4d90c2cbf9df7b7df851f867ad': ('unresolved', 0, 'repair pending, cannot livestream'),
    '35bb21fd83c460e7959234634d830223': ('unresolved', 0, 'asks to speed up a long repair; no reply to that'),
    '365e776b48834701ec1a01a633ebd656': ('unresolved', 0, 'needs the parcel this afternoon; asks to chase it, ends there'),
    '36e6a2fe22c037e5b15a9f5ff7f96bb1': ('satisfied', 0, ''),
    '378380dd5a12337b05880eb22a8f6ee7': ('neutral', 0, ''),
    '37b68fcb3611037292489bf53c5ae2a3': ('unresolved', 0, "gives up ('forget it, I will figure it out myself')"),
    '382d4b13debe13c459720e052d938115': ('satisfied', 0, ''),
    '3918a5e7172aa57b8a7af86538fb6f72': ('satisfied', 0, ''),
    '39d5903bd1885e7fa42f4409bdb6607a': ('neutral', 0, 'angry mid-way about the paper invoice; accepts an e-invoice with a plain OK'),
    '3a53d3cf095d6ebbf70f9cc139249894': ('unresolved', 0, 'told to take it up with the seller'),
    '3c029752e3b054a330ac3b810c177ed1': ('satisfied', 0, ''),
    '3e65e31e1addf1bf3c1f11bcb5ece73a': ('satisfied', 1, 'threatens to buy shoes elsewhere; cancellation confirmed, thanks'),
    '3e7707c1ebb13bf2619f7c9e4a397ca2': ('satisfied', 0, ''),
    '3f9a6316c816723b4e6f63a697f09a64': ('satisfied', 0, ''),
    '414efb38bf9d1eabaa22a25de233118e': ('satisfied', 0, ''),
    '423cf20167b2166e30034ab0746b5e15': ('unresolved', 0, 'return refused after the window; no reply'),
    '42e25be2f96d052772bda92eb9c773c2': ('satisfied', 0, 'cost question not answered; calm close'),
    '447f0b3df85c4dce099719817a381f61': ('satisfied', 0, ''),
    '4551392d094e968cf59414223fb57a70': ('satisfied', 0, ''),
    '4623bff3342c6a82f708dca7f650606c': ('satisfied', 0, ''),
    '467c6139581745bd373581213877a354': ('neutral', 0, 'merchant; ends on the agent'),
    '4762d31861079b47405d067400559694': ('satisfied', 0, ''),
    '47b82a5cc1ee25ca5ee5392b7012cc64': ('neutral', 0, 'agent grants the promised beans; customer does not reply'),
    '4831af1071f2f015b35a9b95042e923c': ('unresolved', 0, "'forget it' after the order shipped; cancel not handled"),
    '48aee43a3a9dc820a9fd1ec75e0d0cdb': ('satisfied', 0, ''),
    '49468b1f35a567af8322dad7a9aefbc0': ('unresolved', 0, 'inspection still not started; flat OK / nothing else'),
    '49b05c70913e771f1870ae52484a0af6': ('unresolved', 0, 'thanks, then presses urgency; callback pending'),
    '4a5f2a2884f5f1c054d6633f6ef0c0f7': ('satisfied', 0, ''),
    '4a65daed951068ac5cdc0e5742bf79cd': ('neutral', 0, 'reluctant OK about sending the phone to the factory, ends with a plain mm'),
    '4af18e3b-5aa8-4303-95ef-073169d19587': ('unresolved', 0, 'info not available; will look elsewhere'),
    '4c088d0348f061c08008e357b7e05af4': ('satisfied', 0, ''),
    '4c9cbef38dfdf8e86fb51f8be04318b3': ('satisfied', 0, ''),
    '5306d5ae2a7f8ddfc8aa17e796d131d7': ('satisfied', 0, ''),
    '53681b204c20136162b87492d18570ca': ('satisfied', 0, ''),
    '5526c59eb469e359a5557865d4577eb5': ('satisfied', 0, ''),
    '56647f3dd555adcbbd7824ea59e1b459': ('satisfied', 0, ''),
    '5893f331d39f4f30b57eb6d0c01ed507': ('satisfied', 0, ''),
    '58ab9387a0898040a468e37b932ebcae': ('satisfied', 0, ''),
    '590ea5ff0d27a075f468bcb2d816e7c4': ('neutral', 0, ''),
    '5acf9d267b69056a88285eea760a8470': ('satisfied', 0, ''),
    '5b471e2d6ebc24838e04774c53701a2a': ('satisfied', 0, ''),
    '5d24a7df9df73ee8b1491d2b2cde4158': ('satisfied', 0, ''),
    '5d805aa18b630c65790a3d0f9f81e361': ('neutral', 0, ''),
    '5dc7a565a99a5432fcc9c18fe0bcb8cc': ('satisfied', 0, ''),
    '5df2970b4776aab98abd2d504c724718': ('satisfied', 0, ''),
    '5e70feba3a0bad15c68e3886e809f734': ('satisfied', 0, ''),
    '5f6954bf-ecf0-4d60-bb91-bd8fc4df2ab4': ('unresolved', 0, 'agent cannot change the request to pickup; ends on the agent'),
    '60a88ba6a37fd088139e2bd6af5915bd': ('satisfied', 0, ''),
    '60aac3dc-0915-4f53-87b3-9839146e567e': ('neutral', 0, ''),
    '612ebdf432f06130e1d10b5c6b341435': ('satisfied', 0, ''),
    '645fc6b8b38bef197fe806c7cf0ce34b': ('unresolved', 0, 'delivery promised today, now out of stock for up to seven days with no firm date; reluctant OK'),
    '68c003cf2c98eced3fcdab984c48fd78': ('satisfied', 0, ''),
    '68d645395b7054ca438d3f3a39f37b38': ('satisfied', 0, ''),
    '6a2799e43a4e49082fb676df6474acc5': ('satisfied', 0, ''),
    '6b3f81001e90c6003ed48d1bb5382885': ('satisfied', 0, ''),
    '6b7c5579ae93beb3eaac2d0b57fd1534': ('satisfied', 0, ''),
    '6bf5efc903bdd50089d5c7ef7408a0e2': ('neutral', 0, ''),
    '6ec9543d6087f8ad5fef078a828d076c': ('satisfied', 0, ''),
    '6fd63072784f3971ec16b6a2fb9a3b37': ('unresolved', 0, 'old bills cannot be queried; customer suggests keeping data longer'),
    '701cdb94e4e4d58734e213257468cc97': ('neutral', 0, ''),
    '70a00d7957d2cb250fca390ae67c661a': ('satisfied', 0, ''),
    '71b949c2f63205789c4eec88d1cc699e': ('satisfied', 0, ''),
    '71f9b09363be9cc436ec23ed47e844a2': ('satisfied', 0, "invoice change refused; 'got it, thanks'"),
    '7299db612db1117ef50d3f16031062a9': ('satisfied', 0, ''),
    '737b621261dc8dac9e1431c187a4af80': ('neutral', 0, 'cancellation interception pending; plain OK'),
    '75e3498170793e1373e69682166fcae6': ('satisfied', 0, "outside the price-protection window ('lost out') but thanks"),
    '7731c001558570f34d2169ec7796c62b': ('neutral', 0, ''),
    '77470b07149272fd35fafc7902dfd2d4': ('unresolved', 0, "merchant asks what the problem is; told 'later' and the chat closes"),
    '7a6305eba5a8de390c19c42652c6d2b1': ('unresolved', 0, 'asks to hurry; told to wait'),
    '7b34fdec4a34cd3c4975af3a31d024eb': ('satisfied', 0, ''),
    '7b99e19e5bb026a89e3c48c05678a39f': ('satisfied', 0, 'complains JD is inconvenient mid-way; workaround found, thanks'),
    '7c03dc911ae325e2a54f37b58faf3286': ('neutral', 0, ''),
    '7c524e01c71a095418a6cd2f812f5a09': ('satisfied', 0, ''),
    '7cea1757580aa852fa18fad34706aef4': ('satisfied', 0, ''),
    '7ff5b913-3029-4be7-8655-79e5b127834e': ('neutral', 0, "second question answered with 'restart'; no reply"),
    '8570c4e4a442b9ed814647df56cbf06f': ('satisfied', 0, "'if not I will cancel and re-order' is a plan, not leverage"),
    '8762d78f-2373-46d0-a853-a56a663188db': ('neutral', 0, ''),
    '87f0b1bab19a59eba57728266be3333d': ('satisfied', 0, ''),
    '8868e06cf6043c0182b00b1af0a8be64': ('angry', 0, "'what speed is this?' followed only by 'please wait'"),
    '8a88984af779d4f2c45218e4c172e224': ('satisfied', 0, ''),
    '8b908f590e0c665eccbfa2784a802df6': ('neutral', 0, ''),
    '8c181fed59be795e9d1c208acb4f5ed6': ('satisfied', 0, ''),
    '8c5816f49789cdf1c1ca0b68d460559a': ('neutral', 0, "reluctant OK to a bean compensation, then 'nothing else'"),
    '8e32fa79-9897-4221-b738-4d4e96d463ff': ('satisfied', 0, ''),
    '8e83340326e9c32a52bdbf059a70a4cd': ('neutral', 0, ''),
    '8fabcb7e-6330-4dec-aa78-d09afca904d9': ('satisfied', 0, ''),
    '90278dff95cd27859879aeb767ab684b': ('satisfied', 0, ''),
    '92ae02ee55a0b577bbcc8fe710bc60af': ('satisfied', 0, ''),
    '932447fd38cb366d59b7ca7012a661b8': ('neutral', 0, ''),
    '946a6a36cbb4469ff77794f3b22fb9e9': ('satisfied', 0, 'no guarantee of arrival, but warm thanks'),
    '94f4ca8a758a1fdf44880b8a47ef9ff0': ('satisfied', 0, ''),
    '957f6fbb21e4cfbc88b0629ef2d46758': ('satisfied', 0, ''),
    '9c1d666c9e10dec991852cb0864f0df5': ('satisfied', 0, ''),
    '9c570295904e69a50e321a61f2cc9433': ('neutral', 0, ''),
    '9dcc779abee756065609d5dd2a4820d5': ('satisfied', 0, ''),
    '9f2f8d18cabd82828f315990cd9427b8': ('satisfied', 0, ''),
    '9f728c7f817866e4129f889b3fea456c': ('satisfied', 0, ''),
    'a14a903b93d5e3cab5daefe84586b887': ('unresolved', 0, 'reluctant OK; parcel late, agent cannot contact the station'),
    'a2a1f0bf5171ea2be05208216e2e7e3a': ('neutral', 0, 'price protection done; plain OK'),
    'a2be137429c95bd9914ddf51887e4166': ('neutral', 0, ''),
    'a355848123c808ee053548b340e8bbd4': ('satisfied', 0, ''),
    'a37fcd8594f0437c23c6050a6b098e67': ('satisfied', 0, ''),
    'a38c7991f9de65bff762c5ef04fbfecb': ('satisfied', 0, 'thanks after the cancellation, then a bare order card resent'),
    'a3bf75f05b9082aaa7ca51304582317f': ('neutral', 0, 'main issue solved with thanks; ends with a reluctant OK on a refused side question'),
    'a3fed6e76a04c6f47112482e934922b3': ('satisfied', 0, ''),
    'a400998328707cfc78e8f736bd4e4dbc': ('neutral', 0, 'merchant; single question'),
    'a4357e7b8e176924aa368e1af5f05c1a': ('satisfied', 0, ''),
    'a55e54adcc50d52799f0e66663f6f7db': ('angry', 0, "ends demanding 'hurry up'"),
    'a568c4cc130fc42ec23b0ecdbc0285f9': ('satisfied', 0, ''),
    'a6375ca91cbcd6a2a1630673b62e47b6': ('satisfied', 0, ''),
    'a768172d0b0e46d85626d98ac6ff428b': ('unresolved', 0, "sarcastic 'the flowers have wilted waiting' earlier; reluctant OK, no delivery time for the gift"),
    'a8b47d5360bded62067ebf4f589453c4': ('satisfied', 0, ''),
    'a972ca6829de5c6a81e6157122204786': ('neutral', 0, ''),
    'aa441a9ae2b98618461f53b3aac7494c': ('satisfied', 0, ''),
    'aa50d4986e062168506c1868cd9f1f81': ('unresolved', 0, "'no way then?' / 'let me look'"),
    'acd7657c3b541646b507f3513bc00d1f': ('neutral', 0, 'wanted a paper invoice; reluctant OK to the e-invoice'),
    'ad564c18f5a1ced2e55a2c5f0d956365': ('neutral', 0, ''),
    'aeaea1c7cf69ae7857f22f38b2d7a1e0': ('neutral', 0, 'chit-chat after the price protection; last request (WeChat) refused'),
    'af080ce6da5fe98743aa64fe17c3c433': ('unresolved', 0, "reluctant 'fine, fine, thanks'; where the stock is stays unanswered"),
    'af839b8f09d7f0509c13d899f442212f': ('satisfied', 0, ''),
    'b12f53c4df638c04304adad5517d0690': ('satisfied', 0, 'relieved'),
    'b26df668-13e9-4da3-bd9f-db01f7eb3844': ('neutral', 0, ''),
    'b319182cc42471cdc595c8de1bf2d34e': ('neutral', 0, ''),
    'b32a242ba7c5d9ce394f202ac96a29cb': ('satisfied', 0, ''),
    'b3d6e1d9bcc268ee45a4e44a8c6974d9': ('unresolved', 0, 'reluctant OK; the town cannot be served'),
    'b61d7cd21c5048cc88482eed13064604': ('unresolved', 0, 'reluctant OK; will not arrive today'),
    'b697cdf0fa03a3edd54c758339db934b': ('neutral', 0, ''),
    'b6c6dd02-7a1f-4cc0-bbbc-0608ab26b5de': ('satisfied', 0, ''),
    'b7f251612b3462a48b9b949287a520a5': ('satisfied', 0, ''),
    'b8691d1142533c9b5bfd2a3f62445f0a': ('unresolved', 0, 'confused about exchange vs return; told to apply and see'),
    'b98a42f16e69e0d3a157fdbcd3348b68': ('satisfied', 1, 'threatens a refund as leverage and demands an answer; clarified, ends with thanks'),
    'badff1ac395d650742c929f9f96eabbe': ('neutral', 0, ''),
    'bb528781f9cef3305d54008b5b96021e': ('satisfied', 0, ''),
    'bdb4c3d23a19365d4190523e5f568f93': ('satisfied', 0, ''),
    'bff546aaacde4de47181c480e7356891': ('satisfied', 0, ''),
    'c35a5c611fe629a3b8c919f7f570e9d6': ('satisfied', 0, ''),
    'c3643500f3c2c25ec7444c284f6666a5': ('neutral', 0, ''),
    'c427e9ca6c3e71b6ca1e5bec8ce5228c': ('unresolved', 0, "plain 'oh' after 'cannot arrive today'"),
    'c72ef527699a92d3daa7634e1edd7eb6': ('satisfied', 0, ''),
    'c77f77662ce90e5c7fdf8056ba9ee35c': ('satisfied', 0, ''),
    'c78cb751831739f61fa9ab3ef8ba8e23': ('unresolved', 0, "return pending review; agent repeats 'negotiate with the courier'"),
    'c85cb4e8a63a5011e9cf54668b3d5196': ('satisfied', 0, 'solved it themselves'),
    'c8698f142edcd307a9db0bc0323bcaaf': ('neutral', 0, ''),
    'c884e76acfd4774a1025a5536882bfc4': ('neutral', 0, ''),
    'c91cc73cf629a1178608fbcf296fc639': ('neutral', 0, "'OK, I will think about it'; question answered"),
    'ca3317376ab1541310c72a294c825ff4': ('satisfied', 0, ''),
    'ca59328cb6ffe9491e249bd46d262a82': ('satisfied', 0, ''),
    'ca5ebbb0de6b11c9eb299000207ffe1a': ('satisfied', 0, ''),
    'ca6e1bdf-5213-46c4-84dc-5f7c0ed29e98': ('neutral', 0, ''),
    'cb3e1902-43c3-48bb-b969-af465f511517': ('neutral', 0, 'conditional promise of five stars'),
    'cb986104a63e7d0b68da6dee5f3ce63f': ('satisfied', 0, ''),
    'ce82853d-880c-4ea0-9ccd-2548485b1148': ('unresolved', 0, 'driver page cannot be opened; ends on an agent template'),
    'cf3c7580d1b532b154587c40cd40f4a5': ('neutral', 0, "'if not, I will just return and re-buy' is a casual plan, not a threat"),
    'd010bf7c0fd0c366ae36be9a67434315': ('satisfied', 0, ''),
    'd0709a06b8f7ebf43c878a165d9257a9': ('unresolved', 0, "'fine, hurry, it is a bit urgent'; specialist contact pending"),
    'd1a265f3f00f20a7a350d5da7e7c29b1': ('satisfied', 0, ''),
    'd7dbf6f5bed46bd185c659033adba14a': ('satisfied', 0, ''),
    'd7ddfb559cc3ab923f05155585e98812': ('satisfied', 0, ''),
    'd84c774d824c6d571ce3790b013e905d': ('neutral', 0, ''),
    'd85ab3055389468e349e29ebaa74fbd5': ('satisfied', 0, ''),
    'd8a9315d-08f8-494f-ba86-2707b9a7c119': ('neutral', 0, ''),
    'd94158277de93dec49926fcae7c2e4bb': ('unresolved', 0, "angry opening; ends 'as fast as possible' with the fix pending"),
    'd95b0d78b2d790f0da574e359e2773a7': ('neutral', 0, ''),
    'dac170d3a7c96c03d60e26d702e2c94c': ('satisfied', 0, ''),
    'daf65799ee00f8d38e168d6dc4adaa6a': ('satisfied', 0, ''),
    'dd0fde3111315e17f239879165e6f886': ('satisfied', 0, 'reluctant OK, then accepts the alternative with thanks'),
    'deca54e91d02cbd83fbf78f245da969a': ('satisfied', 0, ''),
    'e06fbb2abc5f99b2c4d8add152625bf1': ('neutral', 0, 'transfer failed; plain OK to a callback tomorrow'),
    'e1f474f56edcaa1678620272a1fc12f8': ('satisfied', 0, ''),
    'e5c251200b334197db095fa63593d20f': ('neutral', 0, ''),
    'e5d352b3c839d9cc11548a8c0dacf2cc': ('satisfied', 0, ''),
    'e625d1f4c04ffb8c669773e798dbab60': ('satisfied', 0, ''),
    'e683ddc747bb883f66f08f4686157508': ('satisfied', 0, ''),
    'e72cf7309638e2a1bfd979f4ce2edf47': ('satisfied', 0, ''),
    'e953527afd12e5499cb20ce363253716': ('satisfied', 0, ''),
    'ea1f99d3585b1b67b63472bd388451ed': ('neutral', 0, ''),
    'ee7474a7e6a0ed97dc753db396f8e79a': ('satisfied', 0, ''),
    'efc63ce4257028093e5c72d9f4bc899f': ('satisfied', 0, ''),
    'f10e4a9b6c9220c7946bac08d9d49bbc': ('neutral', 0, "reluctant OK to a one-week wait, then 'no need'"),
    'f3044f87a6af313b7fc06e1d66d69b45': ('unresolved', 0, "reluctant 'OK thanks' after cross-city change refused and a non-answer"),
    'f3e3bff5e99cc8f525ccebe9430deada': ('unresolved', 0, "waiting past the promised time; agent says 'calm down'"),
    'f4a0edc6ea804074793b08b09908906c': ('neutral', 0, ''),
    'f6e82caacedc2c8d27df370540eb0058': ('neutral', 0, ''),
    'f700cc7c6097164aa358a4721bf5d340': ('satisfied', 0, ''),
    'f7e31dbb806b98ca9ccb76e51abbe519': ('satisfied', 0, ''),
    'f9f6c85e4696daaaeda068c9c37ff239': ('satisfied', 0, ''),
    'fade0ca28efed6c620ffcc08cbf2e1b0': ('satisfied', 0, ''),
    'fb01be5d717a8b337ea8555cc66de1cd': ('unresolved', 0, 'reluctant OK; no delivery time available'),
    'fb9d774f3d940c154b21e94b6f8073e3': ('satisfied', 0, ''),
    'fc019616d352c91c16d0ff617618cb75': ('satisfied', 0, ''),
    'fec593f37d146294ec7585643d8a48d7': ('neutral', 0, 'cancelled and re-ordered instead'),
    'fedb05f42f67dbf5079b753669ecc4b3': ('satisfied', 0, ''),
}


def dev_dialogues() -> list[dict]:
    return [d for d in iter_dialogues() if half_of(d["session_id"]) == "dev"]



def agent_pool(dialogues: list[dict]) -> list[tuple[str, int]]:
    """Every agent turn whose previous turn is a customer turn: (session_id, turn index), in file order."""
    pool = []
    for dialogue in dialogues:
        turns = dialogue["turns"]
        for index in range(1, len(turns)):
            if turns[index]["speaker"] == "agent" and turns[index - 1]["speaker"] == "customer":
                pool.append((dialogue["session_id"], index))
    return pool


def reply_label_errors(labels: dict[str, tuple], sample: list[tuple[str, int]], n_sample: int) -> list[str]:
    """What is wrong with a table of reply labels for a drawn sample (size, coverage, values, notes)."""
    errors = []
    if len(sample) != n_sample:
        errors.append(f"sample has {len(sample)} turns, expected {n_sample}")
    sampled = {turn_id(sid, i) for sid, i in sample}
    missing = sorted(sampled - labels.keys())
    extra = sorted(labels.keys() - sampled)
    if missing:
        errors.append(f"{len(missing)} sampled turns have no label, e.g. {missing[:3]}")
    if extra:
        errors.append(f"{len(extra)} labels are for turns outside the sample, e.g. {extra[:3]}")
    for tid, row in labels.items():
        if len(row) != len(FLAGS) + 1:
            errors.append(f"{tid}: expected {len(FLAGS)} flags and a note")
            continue
        if any(value not in (0, 1) or isinstance(value, bool) for value in row[:-1]):
            errors.append(f"{tid}: flags must be 0/1")
        if not isinstance(row[-1], str) or CJK.search(row[-1]):
            errors.append(f"{tid}: note must be an English string (no message text)")
    return errors


def reply_rows(dialogues: list[dict], sample: list[tuple[str, int]], labels: dict[str, tuple]) -> list[dict]:
    """The jsonl rows (ids, text hash, labels; no text) of a labeled sample, in dialogue order."""
    turns_of = {d["session_id"]: d["turns"] for d in dialogues}
    order = {d["session_id"]: n for n, d in enumerate(dialogues)}
    rows = []
    for sid, index in sorted(sample, key=lambda pair: (order[pair[0]], pair[1])):
        tid = turn_id(sid, index)
        *flags, note = labels[tid]
        row = {"id": tid, "hash": text_hash(turns_of[sid][index]["text"]), "customer_id": turn_id(sid, index - 1)}
        row.update(zip(FLAGS, flags))
        if note:
            row["note"] = note
        rows.append(row)
    return rows


def write_jsonl(path: Path, rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")


def print_label_counts(rows: list[dict]) -> None:
    print("audit label counts (1s out of %d):" % len(rows))
    for flag in FLAGS:
        print(f"  {flag:13s} {sum(r[flag] for r in rows)}")

def draw_sample(dialogues: list[dict], seed: int = SEED, n_sample: int = N_SAMPLE,
                half: str = "dev", exclude: frozenset[str] = frozenset()) -> list[tuple[str, int]]:
    """Re-draw a reply sample: (session_id, agent turn index) pairs, in draw order; turn ids in ``exclude``
    (``"<session_id>:<index>"``) are taken out of the pool before the shuffle."""
    pool = [(sid, i) for sid, i in agent_pool(dialogues) if f"{sid}:{i}" not in exclude]
    text = {d["session_id"]: d["turns"] for d in dialogues}
    shuffled = list(pool)
    random.Random(seed).shuffle(shuffled)
    sample = [(sid, i) for sid, i in shuffled if eligible(text[sid][i]["text"])][:n_sample]
    print(f"pool: {len(pool)} agent turns after a customer turn in {len(dialogues)} {half} dialogues; "
          f"sample: {len(sample)} from {len({sid for sid, _ in sample})} dialogues")
    return sample

def check(dialogues: list[dict], sample: list[tuple[str, int]]) -> None:
    errors = reply_label_errors(AUDIT_LABELS, sample, N_SAMPLE)

    sessions = {d["session_id"] for d in dialogues}
    missing = sorted(sessions - STATES.keys())
    extra = sorted(STATES.keys() - sessions)
    if missing:
        errors.append(f"{len(missing)} dev dialogues have no end state, e.g. {missing[:3]}")
    if extra:
        errors.append(f"{len(extra)} end states are for non-dev dialogues, e.g. {extra[:3]}")
    for sid, (state, threatened, note) in STATES.items():
        if state not in END_STATES:
            errors.append(f"{sid}: bad end_state {state!r}")
        if threatened not in (0, 1) or isinstance(threatened, bool):
            errors.append(f"{sid}: threatened must be 0/1")
        if state == "escalating" and threatened != 1:
            errors.append(f"{sid}: escalating requires threatened = 1")
        if not isinstance(note, str) or CJK.search(note):
            errors.append(f"{sid}: note must be an English string (no message text)")
    if errors:
        raise SystemExit("\n".join(errors))


def main() -> None:
    dialogues = dev_dialogues()
    sample = draw_sample(dialogues)
    check(dialogues, sample)

    audit_rows = reply_rows(dialogues, sample, AUDIT_LABELS)

    state_rows = []
    for dialogue in dialogues:
        sid = dialogue["session_id"]
        state, threatened, note = STATES[sid]
        row = {"session_id": sid, "end_state": state, "threatened": threatened}
        if note:
            row["note"] = note
        state_rows.append(row)

    for path, rows in ((AUDIT_OUT, audit_rows), (STATES_OUT, state_rows)):
        write_jsonl(path, rows)
        print(f"wrote {len(rows)} rows to {path}")

    print_label_counts(audit_rows)
    states = Counter(r["end_state"] for r in state_rows)
    print("end states:", {s: states.get(s, 0) for s in END_STATES})
    print("threatened:", sum(r["threatened"] for r in state_rows))


if __name__ == "__main__":
    main()
