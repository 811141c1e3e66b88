"""Build the held-out agent-audit evaluation set (audit_heldout.jsonl) from the jddc_sample dev half.

A second, independently drawn set next to ``audit_dev.jsonl``: 150 agent replies labeled for the empathy layers
(cognitive, affective, action) and for confirmation, verify_need and perfunctory, with the definitions and the
hard-case rules of README_audit.md. Labels live in HELDOUT_LABELS (turn id -> labels). No message text is stored:
each row holds the turn id, ``text_hash`` of the agent turn, the id of the customer turn before it, the six 0/1
labels and an optional English note. See README_audit_heldout.md.

The labels were written by a human reader from the dialogue text only. empathkit was not run on these texts and no
model output was looked at. This set is for evaluation only and is never used for tuning.

Selection is recomputed, not stored: the pool is the one of build_audit_dev.py (every agent turn of a dev-half
dialogue whose preceding turn is a customer turn, in file order), minus every id in ``audit_dev.jsonl``; it is
shuffled with ``random.Random(20261204)`` and the first 150 turns that pass the same skip filter
(``build_audit_dev.eligible``: not empty, not made only of masked tokens) are the sample. The script fails if a
sampled turn has no label, if a label is not for a sampled turn, if the sample overlaps the dev set, if a value is
malformed, or if a note contains CJK characters.

Run:  python training/devsets/build_audit_heldout.py
"""
from __future__ import annotations

import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))
from jddc_split import turn_id  # noqa: E402
import build_audit_dev as dev  # noqa: E402  (reuses its pool, skip filter and flag names; dev labels untouched)

OUT = HERE / "audit_heldout.jsonl"
DEV_JSONL = HERE / "audit_dev.jsonl"
SEED = 20261204
N_SAMPLE = 150
FLAGS, CJK, eligible = dev.FLAGS, dev.CJK, dev.eligible

# agent turn id -> (cognitive, affective, action, confirmation, verify_need, perfunctory, note); in draw order.
HELDOUT_LABELS: dict[str, tuple[int, int, int, int, int, int, str]] = {
    '7731c001558570f34d2169ec7796c62b:11': (0, 0, 0, 0, 0, 0, 'closing ritual and rating request after a plain OK'),
    'a4357e7b8e176924aa368e1af5f05c1a:3': (0, 0, 0, 0, 0, 0, 'opening template (previous issue or new one)'),
    'c91cc73cf629a1178608fbcf296fc639:9': (0, 0, 0, 0, 0, 0, 'generic promotion answer'),
    'b8691d1142533c9b5bfd2a3f62445f0a:9': (0, 0, 0, 0, 0, 1, 'generic refusal of exchange with price difference; does not answer the return question'),
    '8e32fa79-9897-4221-b738-4d4e96d463ff:9': (0, 0, 0, 0, 0, 0, 'clarifies a generic after-sales timeline'),
    'e5c251200b334197db095fa63593d20f:5': (0, 0, 1, 0, 0, 0, 'invoice will be mailed to the original address; does not restate the change'),
    'f9f6c85e4696daaaeda068c9c37ff239:1': (0, 0, 0, 0, 0, 0, 'greeting template'),
    '36e6a2fe22c037e5b15a9f5ff7f96bb1:5': (0, 0, 0, 0, 0, 0, 'generic rule on who issues the invoice'),
    'aeaea1c7cf69ae7857f22f38b2d7a1e0:9': (0, 0, 0, 0, 0, 1, "bare 'maybe' to small talk"),
    '645fc6b8b38bef197fe806c7cf0ce34b:13': (0, 0, 0, 0, 0, 0, 'compliment plus closing after a reluctant OK'),
    'e72cf7309638e2a1bfd979f4ce2edf47:11': (0, 0, 1, 0, 0, 0, 'reported to the installer; who installs is generic'),
    'b26df668-13e9-4da3-bd9f-db01f7eb3844:3': (0, 0, 1, 0, 0, 0, 'checking'),
    '1f4e184bc1209135f86c34745c78d635:1': (0, 0, 0, 0, 0, 0, 'greeting template'),
    '70a00d7957d2cb250fca390ae67c661a:17': (0, 0, 0, 0, 0, 1, 'closing ritual and compliments; ignores the new request to move the installation date'),
    '5f6954bf-ecf0-4d60-bb91-bd8fc4df2ab4:9': (0, 0, 1, 0, 0, 0, 'cannot cancel it here, but says where the customer can cancel'),
    '0e56403f6cb0605a958506bbd96ec4e4:3': (1, 0, 0, 1, 0, 0, "restates the merchant's case as a check question"),
    '90278dff95cd27859879aeb767ab684b:13': (0, 0, 0, 1, 0, 0, 'phone number plus right?: checks the contact for the booking'),
    '8a88984af779d4f2c45218e4c172e224:1': (1, 0, 1, 0, 0, 0, 'checking, then the stock estimate for this order'),
    'ce82853d-880c-4ea0-9ccd-2548485b1148:15': (0, 0, 1, 0, 0, 0, 'templates around one instruction (copy the link into a browser)'),
    '2ea5c60506dc91e9ce0a5911a8d39b7e:7': (0, 1, 0, 0, 0, 0, 'apology for the bad experience; fact question about the seller'),
    'b98a42f16e69e0d3a157fdbcd3348b68:23': (1, 0, 0, 0, 0, 0, 'restates the request as an invoice title change, no question'),
    '378380dd5a12337b05880eb22a8f6ee7:5': (0, 0, 1, 0, 0, 0, 'installation hotline to call'),
    'a38c7991f9de65bff762c5ef04fbfecb:1': (0, 0, 0, 0, 0, 0, 'greeting template'),
    '5893f331d39f4f30b57eb6d0c01ed507:1': (0, 0, 0, 0, 0, 0, 'order-number request only'),
    'a8b47d5360bded62067ebf4f589453c4:5': (0, 0, 0, 0, 0, 0, 'rating request after the customer closed'),
    'd0709a06b8f7ebf43c878a165d9257a9:7': (0, 1, 0, 0, 0, 1, "'rest assured' to the stated urgency, but only echoes 'asap' and says goodbye: soothing stall"),
    '6b7c5579ae93beb3eaac2d0b57fd1534:3': (0, 0, 1, 0, 0, 0, 'asks the new address and says what to do with the courier'),
    '37b68fcb3611037292489bf53c5ae2a3:11': (0, 0, 0, 0, 0, 1, 'closing ritual after the customer gives up on an unmet need'),
    '68d645395b7054ca438d3f3a39f37b38:5': (1, 0, 0, 0, 0, 0, 'stock and delivery estimate for this item'),
    '7c524e01c71a095418a6cd2f812f5a09:1': (0, 0, 0, 0, 0, 0, 'greeting template'),
    'a768172d0b0e46d85626d98ac6ff428b:7': (1, 0, 0, 1, 0, 0, 'is this the order; arrives today and can be delivered today'),
    '8c181fed59be795e9d1c208acb4f5ed6:13': (0, 0, 0, 0, 0, 0, 'closing after thanks'),
    '0b47972f58121deac0a8c0a934d383ff:5': (0, 0, 0, 0, 0, 1, "deflects the complaint about a single courier to the station"),
    '56647f3dd555adcbbd7824ea59e1b459:5': (0, 0, 1, 0, 0, 0, 'will contact'),
    '68d645395b7054ca438d3f3a39f37b38:1': (0, 0, 0, 0, 0, 0, 'greeting template'),
    'a37fcd8594f0437c23c6050a6b098e67:1': (1, 0, 0, 1, 0, 0, 'restates the request (merchant onboarding) as a check question'),
    'a6375ca91cbcd6a2a1630673b62e47b6:7': (0, 0, 0, 0, 0, 0, 'acknowledges that the parcel arrived'),
    '4af18e3b-5aa8-4303-95ef-073169d19587:9': (0, 0, 0, 0, 0, 0, 'not sure, but explains the parts brand varies by batch: generic real answer'),
    '39d5903bd1885e7fa42f4409bdb6607a:5': (0, 0, 0, 1, 0, 0, 'is this the item'),
    'b98a42f16e69e0d3a157fdbcd3348b68:27': (0, 0, 0, 0, 0, 1, 'bare no'),
    '1da174cf1e357d61da4a7a8dcd5ec3ad:9': (0, 0, 0, 0, 0, 0, 'closing after thanks'),
    '6b7c5579ae93beb3eaac2d0b57fd1534:17': (1, 0, 0, 0, 0, 0, 'order not cancelled yet'),
    '2ea5c60506dc91e9ce0a5911a8d39b7e:13': (0, 0, 0, 0, 0, 0, 'closing and rating request after thanks'),
    '5dc7a565a99a5432fcc9c18fe0bcb8cc:21': (0, 0, 0, 0, 0, 0, 'closing after thanks'),
    '957f6fbb21e4cfbc88b0629ef2d46758:3': (0, 0, 1, 0, 0, 0, 'will check'),
    '2ea5c60506dc91e9ce0a5911a8d39b7e:9': (0, 0, 1, 0, 0, 0, 'no need to reapply; contacting the seller'),
    'b8691d1142533c9b5bfd2a3f62445f0a:3': (0, 0, 0, 1, 0, 0, 'is this the item'),
    'a568c4cc130fc42ec23b0ecdbc0285f9:21': (0, 0, 1, 0, 0, 0, 'will ask finance to stop the invoices'),
    '3f9a6316c816723b4e6f63a697f09a64:11': (0, 0, 1, 0, 0, 0, "'I see you bought many items' does not answer the question, so not cognitive; will check"),
    '016d7a3e93c1365a37935fd3385f7471:1': (0, 0, 0, 0, 0, 0, 'greeting template'),
    '5d24a7df9df73ee8b1491d2b2cde4158:19': (0, 0, 0, 0, 0, 1, "bare 'OK, please wait' to a new request; the question is not answered"),
    '382d4b13debe13c459720e052d938115:9': (0, 1, 1, 0, 0, 0, "'rest assured' to the stated urgency; will chase and contact the station"),
    'a400998328707cfc78e8f736bd4e4dbc:3': (1, 0, 1, 0, 0, 0, 'tracking of this order is normal; leaves a note to hurry it'),
    'a4357e7b8e176924aa368e1af5f05c1a:1': (0, 0, 0, 0, 0, 0, 'bare greeting'),
    'e72cf7309638e2a1bfd979f4ce2edf47:5': (1, 0, 0, 0, 0, 0, 'answers for the case stated (installed by JD, exchange for a defect)'),
    '1da174cf1e357d61da4a7a8dcd5ec3ad:11': (0, 0, 0, 0, 0, 0, 'goodbye'),
    'ca3317376ab1541310c72a294c825ff4:7': (0, 0, 0, 0, 0, 0, 'closing after thanks'),
    '42e25be2f96d052772bda92eb9c773c2:5': (0, 1, 1, 0, 1, 0, 'warranty template with an apology; offers to submit the request for the customer (a proposed service counts as verify_need)'),
    '5df2970b4776aab98abd2d504c724718:1': (0, 0, 1, 0, 1, 0, 'will look; asks what the customer wants to change in the after-sales request'),
    '7c524e01c71a095418a6cd2f812f5a09:7': (0, 0, 0, 0, 0, 0, 'closing after thanks'),
    '378380dd5a12337b05880eb22a8f6ee7:11': (0, 0, 0, 0, 0, 0, 'no, with a generic reason (courier only delivers)'),
    '75e3498170793e1373e69682166fcae6:3': (0, 0, 0, 0, 0, 0, 'order-number request with a promise to check; treated like the dev order-selection template'),
    '36e6a2fe22c037e5b15a9f5ff7f96bb1:9': (0, 0, 0, 0, 0, 0, 'closing after thanks'),
    'a3fed6e76a04c6f47112482e934922b3:7': (0, 0, 0, 0, 0, 0, 'goodbye'),
    'a6375ca91cbcd6a2a1630673b62e47b6:3': (0, 0, 1, 0, 0, 0, 'tells the customer to check messages and blocked calls'),
    '3918a5e7172aa57b8a7af86538fb6f72:7': (0, 1, 0, 0, 0, 0, 'apology for the inconvenience plus closing'),
    '9c1d666c9e10dec991852cb0864f0df5:13': (1, 0, 0, 0, 0, 0, "explains the shipping fee by the third-party items in this cart"),
    '8762d78f-2373-46d0-a853-a56a663188db:1': (0, 0, 0, 0, 0, 0, 'opening template (previous issue or new one)'),
    '13c5007f-e390-417e-a876-d72495f3ab21:3': (0, 0, 1, 0, 0, 0, 'garbled; tells the customer to let the fruit ripen'),
    'fb9d774f3d940c154b21e94b6f8073e3:9': (0, 0, 1, 0, 0, 0, 'after-sales request submitted'),
    '8e83340326e9c32a52bdbf059a70a4cd:3': (1, 0, 0, 1, 0, 0, 'which order can be changed; restates the new title as a check question'),
    'b12f53c4df638c04304adad5517d0690:3': (0, 0, 0, 0, 0, 0, 'there is an invoice, what is up; does not answer the repair question'),
    '7c03dc911ae325e2a54f37b58faf3286:5': (0, 0, 1, 0, 0, 0, 'courier will contact the end customer'),
    '5dc7a565a99a5432fcc9c18fe0bcb8cc:17': (0, 0, 0, 0, 0, 0, 'copy of the previous answer: SMS after review; routine, not action'),
    '70a00d7957d2cb250fca390ae67c661a:9': (1, 0, 1, 0, 0, 0, 'restates the wished delivery date; tells the customer to give the installer the time'),
    'b319182cc42471cdc595c8de1bf2d34e:9': (0, 0, 0, 0, 0, 0, 'closing after a plain OK'),
    'aeaea1c7cf69ae7857f22f38b2d7a1e0:23': (0, 0, 0, 0, 0, 1, 'bare yes (small talk)'),
    '87f0b1bab19a59eba57728266be3333d:1': (0, 0, 0, 0, 0, 0, 'order-number request with a promise to check'),
    'b3d6e1d9bcc268ee45a4e44a8c6974d9:9': (1, 0, 0, 0, 0, 1, 'cannot deliver to this town (no pickup point); no alternative'),
    'e625d1f4c04ffb8c669773e798dbab60:1': (0, 0, 0, 1, 0, 0, 'check question on what the problem is (item not received)'),
    '0fc0738c737cac04138c2c61f0c358bf:27': (1, 0, 0, 0, 0, 0, 'service for the specific addresses given'),
    '9c1d666c9e10dec991852cb0864f0df5:7': (0, 0, 0, 0, 0, 1, "bare 'OK' (customer said wait)"),
    '49468b1f35a567af8322dad7a9aefbc0:17': (0, 0, 1, 0, 0, 0, "vague timing but names the act (will process)"),
    'cf3c7580d1b532b154587c40cd40f4a5:7': (1, 0, 1, 0, 0, 0, "answers the customer's plan: buy now, price protection if the price drops that day"),
    'a355848123c808ee053548b340e8bbd4:3': (0, 0, 1, 0, 0, 0, 'price-protection procedure: place the same order unpaid'),
    '0b47972f58121deac0a8c0a934d383ff:15': (0, 0, 0, 0, 0, 0, 'blessing and rating request after the customer closed'),
    '645fc6b8b38bef197fe806c7cf0ce34b:3': (0, 0, 1, 0, 0, 0, 'will check'),
    '016d7a3e93c1365a37935fd3385f7471:13': (0, 0, 0, 0, 0, 0, 'closing and rating request'),
    '3c029752e3b054a330ac3b810c177ed1:11': (0, 0, 0, 0, 0, 0, 'ritual closing apology and rating request'),
    '7a6305eba5a8de390c19c42652c6d2b1:3': (1, 0, 1, 0, 0, 0, 'stock estimate for this order; ships on arrival'),
    '04bfc8f0-95c2-4cc5-9bf6-eef77678f3cc:11': (0, 0, 0, 0, 0, 0, 'goodbye'),
    'cb3e1902-43c3-48bb-b969-af465f511517:5': (0, 0, 0, 0, 0, 0, 'short generic product answer with a reason'),
    '5893f331d39f4f30b57eb6d0c01ed507:7': (1, 0, 0, 0, 0, 0, 'reports the item count and that the other order shows delivered'),
    '87f0b1bab19a59eba57728266be3333d:3': (1, 0, 1, 0, 0, 0, 'checking tracking; this order arrives this afternoon'),
    '0b47972f58121deac0a8c0a934d383ff:7': (0, 0, 0, 0, 0, 0, 'generic promise to improve after a complaint; no apology, not a brush-off'),
    'c85cb4e8a63a5011e9cf54668b3d5196:1': (0, 0, 0, 0, 0, 0, 'greeting'),
    'c427e9ca6c3e71b6ca1e5bec8ce5228c:3': (1, 0, 0, 0, 0, 0, 'delivery date for this order; does not address the request to hurry'),
    '5dc7a565a99a5432fcc9c18fe0bcb8cc:7': (0, 0, 1, 0, 0, 0, 'instruction: keep accessories complete for the return'),
    '8c5816f49789cdf1c1ca0b68d460559a:3': (0, 0, 1, 0, 0, 0, 'will check; generic pickup fee rule'),
    '612ebdf432f06130e1d10b5c6b341435:3': (1, 0, 1, 0, 0, 0, 'contact the courier directly; courier has set out'),
    'f3044f87a6af313b7fc06e1d66d69b45:13': (1, 1, 0, 0, 0, 0, 'explains the slow delivery by the distance of the shipping address; apology'),
    '1be453ef8d66312e2480ee165ed07bbd:5': (0, 0, 1, 0, 1, 0, 'offers to book the installation for the customer'),
    '8762d78f-2373-46d0-a853-a56a663188db:5': (0, 0, 0, 0, 0, 0, 'yes plus a short product claim; adds content, so not bare'),
    '3918a5e7172aa57b8a7af86538fb6f72:1': (0, 0, 0, 0, 0, 0, 'screenshot request only, treated like an order-number request'),
    '0dd4880cba428e50ea21056510d360b9:1': (0, 0, 0, 0, 0, 0, 'greeting template'),
    'd95b0d78b2d790f0da574e359e2773a7:1': (0, 0, 0, 0, 0, 0, 'greeting template'),
    '365e776b48834701ec1a01a633ebd656:3': (1, 0, 0, 0, 0, 0, 'parcel is on the way to the station, explains why tracking has not changed'),
    'a568c4cc130fc42ec23b0ecdbc0285f9:19': (1, 0, 0, 1, 0, 0, 'restates which invoices not to issue, as a check question'),
    'f9f6c85e4696daaaeda068c9c37ff239:5': (0, 0, 1, 0, 0, 0, 'where to click to apply for price protection'),
    'd010bf7c0fd0c366ae36be9a67434315:5': (0, 0, 0, 0, 0, 0, 'keep your phone on plus closing, after the customer agreed'),
    'd7dbf6f5bed46bd185c659033adba14a:7': (0, 0, 0, 0, 0, 0, 'compliment and closing after thanks'),
    'a568c4cc130fc42ec23b0ecdbc0285f9:3': (1, 0, 0, 0, 0, 0, 'this order is cash on delivery, so reconciliation first; then the invoice timeline'),
    '1f9bfb2bdb72a8c90093c18bdb6982c4:1': (1, 0, 1, 0, 0, 0, 'will check; in procurement, stock date for this item'),
    '2f99a332a1c0bfc9ad9e5c7bf1915bbc:1': (0, 0, 0, 0, 0, 0, 'greeting template'),
    '48aee43a3a9dc820a9fd1ec75e0d0cdb:1': (0, 0, 0, 0, 0, 0, 'greeting template'),
    'a6375ca91cbcd6a2a1630673b62e47b6:9': (0, 0, 0, 0, 0, 0, 'closing and rating request after thanks'),
    'bb528781f9cef3305d54008b5b96021e:1': (0, 0, 0, 0, 0, 0, 'fact question (has the price dropped)'),
    '0e56403f6cb0605a958506bbd96ec4e4:7': (1, 0, 0, 0, 0, 0, 'terse status of this order'),
    '2300653b028f3c7122239e542027ead1:5': (1, 0, 0, 0, 0, 1, 'out of stock, please wait, closing ritual: no date and no help after a complaint'),
    '9f728c7f817866e4129f889b3fea456c:7': (0, 0, 0, 0, 0, 0, 'closing and rating request after thanks'),
    '467c6139581745bd373581213877a354:7': (0, 0, 0, 0, 0, 1, "bare 'OK'"),
    '68d645395b7054ca438d3f3a39f37b38:9': (0, 0, 0, 0, 0, 0, 'ritual closing apology and rating request'),
    '3a53d3cf095d6ebbf70f9cc139249894:5': (1, 0, 1, 0, 0, 0, 'checking; reports the seller rejected this after-sales request'),
    '5e70feba3a0bad15c68e3886e809f734:13': (0, 0, 0, 0, 0, 1, 'bare yes'),
    '932447fd38cb366d59b7ca7012a661b8:3': (0, 0, 0, 0, 0, 0, 'greeting template'),
    'badff1ac395d650742c929f9f96eabbe:1': (0, 0, 0, 0, 0, 1, "bare 'here' (with hello) to a presence check; rule 3 lists this as filler"),
    '3566ee4d90c2cbf9df7b7df851f867ad:9': (0, 0, 0, 0, 0, 1, 'no spare device available, no alternative'),
    '9f2f8d18cabd82828f315990cd9427b8:7': (0, 0, 0, 0, 0, 0, 'closing after thanks'),
    'a768172d0b0e46d85626d98ac6ff428b:3': (0, 0, 1, 0, 0, 0, 'checking'),
    'af839b8f09d7f0509c13d899f442212f:1': (0, 0, 0, 0, 0, 0, 'order-number request only'),
    'b6c6dd02-7a1f-4cc0-bbbc-0608ab26b5de:7': (0, 0, 0, 0, 0, 0, 'closing after a plain OK'),
    '7731c001558570f34d2169ec7796c62b:9': (0, 0, 0, 0, 0, 0, 'says who reviews the request; routine, not action'),
    '4623bff3342c6a82f708dca7f650606c:7': (0, 1, 1, 0, 0, 0, "'do not worry'; escalates to a specialist"),
    'd7ddfb559cc3ab923f05155585e98812:9': (0, 0, 0, 0, 0, 1, "bare 'it will arrive' to a stated worry"),
    '414efb38bf9d1eabaa22a25de233118e:7': (1, 0, 0, 0, 0, 0, 'refund of the price difference for this item'),
    '4af18e3b-5aa8-4303-95ef-073169d19587:1': (0, 0, 0, 1, 0, 0, 'is this the item'),
    '4a65daed951068ac5cdc0e5742bf79cd:15': (0, 0, 1, 0, 0, 0, 'checking; request submitted; closing templates'),
    '6fd63072784f3971ec16b6a2fb9a3b37:9': (0, 0, 0, 0, 0, 0, 'accepts a suggestion with a generic promise to improve'),
    '5e70feba3a0bad15c68e3886e809f734:25': (0, 0, 0, 0, 0, 0, 'closing after thanks'),
    '8fabcb7e-6330-4dec-aa78-d09afca904d9:5': (1, 0, 1, 0, 0, 0, 'takes up that both were bought; how to take them'),
    '5d805aa18b630c65790a3d0f9f81e361:5': (0, 1, 1, 0, 0, 0, "will contact the station; 'rest assured' to the stated worry"),
    '040843ebf2fcd1c1ea3ca0493171ea69:9': (0, 0, 0, 0, 0, 0, 'blessing after the customer closed'),
    '00edf97b7bc09c2c5eb300fe97b94c3c:11': (0, 0, 0, 0, 0, 0, 'closing after thanks'),
    '17fa6a8a3942664c756d68f0f042c80b:3': (0, 0, 1, 0, 0, 0, 'will cancel; refuse the delivery if it comes'),
    '1f9bfb2bdb72a8c90093c18bdb6982c4:5': (0, 0, 0, 0, 0, 0, 'closing ritual after the customer said goodbye (resigned, but closed)'),
    '4a5f2a2884f5f1c054d6633f6ef0c0f7:1': (0, 0, 0, 0, 0, 0, 'opening template (previous issue or new one)'),
    'a4357e7b8e176924aa368e1af5f05c1a:15': (0, 0, 1, 0, 1, 0, 'will book; asks which delivery date the customer wants'),
    'c3643500f3c2c25ec7444c284f6666a5:17': (0, 0, 0, 0, 0, 1, "'OK' plus thanks ritual to a correction of the request"),
    'c884e76acfd4774a1025a5536882bfc4:9': (0, 0, 0, 0, 0, 0, 'compliment and closing after a plain OK'),
    '39d5903bd1885e7fa42f4409bdb6607a:11': (0, 0, 0, 0, 0, 0, 'closing after a plain OK'),
}


def dev_ids() -> set[str]:
    """Every turn id of the existing dev set (from audit_dev.jsonl and, as a guard, from its label table)."""
    with DEV_JSONL.open(encoding="utf-8") as handle:
        ids = {json.loads(line)["id"] for line in handle if line.strip()}
    return ids | set(dev.AUDIT_LABELS)

def draw_sample(dialogues: list[dict], excluded: set[str]) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
    """Re-draw the held-out sample. Returns (sample, skipped), both in draw order; skipped = turns that failed the
    skip filter before the last sampled turn."""
    pool = dev.agent_pool(dialogues)
    text = {d["session_id"]: d["turns"] for d in dialogues}
    remaining = [pair for pair in pool if turn_id(*pair) not in excluded]
    random.Random(SEED).shuffle(remaining)
    sample, skipped = [], []
    for sid, index in remaining:
        if len(sample) == N_SAMPLE:
            break
        (sample if eligible(text[sid][index]["text"]) else skipped).append((sid, index))
    failing = sum(1 for sid, index in remaining if not eligible(text[sid][index]["text"]))
    print(f"pool: {len(pool)} agent turns after a customer turn in {len(dialogues)} dev dialogues; "
          f"{len(pool) - len(remaining)} dev-set turns excluded, {len(remaining)} left "
          f"({failing} fail the skip filter); sample: {len(sample)}, skipped before the last draw: {len(skipped)}")
    return sample, skipped


def check(sample: list[tuple[str, int]], excluded: set[str]) -> None:
    errors = dev.reply_label_errors(HELDOUT_LABELS, sample, N_SAMPLE)
    overlap = {turn_id(sid, i) for sid, i in sample} & excluded
    if overlap:
        errors.append(f"{len(overlap)} sampled turns are in the dev set")
    if errors:
        raise SystemExit("\n".join(errors))

def main() -> None:
    dialogues = dev.dev_dialogues()
    excluded = dev_ids()
    sample, skipped = draw_sample(dialogues, excluded)
    for sid, index in skipped:
        print(f"  skipped (fails the skip filter): {turn_id(sid, index)}")
    check(sample, excluded)

    rows = dev.reply_rows(dialogues, sample, HELDOUT_LABELS)
    dev.write_jsonl(OUT, rows)
    print(f"wrote {len(rows)} rows to {OUT} ({len({r['id'].rsplit(':', 1)[0] for r in rows})} dialogues)")

    dev.print_label_counts(rows)
    print("all labels 0:", sum(1 for r in rows if not any(r[f] for f in FLAGS)))


if __name__ == "__main__":
    main()
