"""Build the agent-audit TUNING set from the jddc_sample adapt half (hand labels, no message text stored).

``audit_tune.jsonl``: 200 agent replies labeled for cognitive, affective, action, confirmation, verify_need and
perfunctory, with the definitions and hard-case rules of README_audit.md. It exists to tune the audit rules on
more than the 120-reply dev set; it is drawn from the ``adapt`` half so it shares no dialogue with
``audit_dev.jsonl`` (dev half). See README_audit_tune.md.

Selection is recomputed, not stored: the pool is every agent turn of an adapt-half dialogue whose preceding turn
is a customer turn, in file order; it is shuffled with ``random.Random(20261205)`` and the first 200 turns that
pass the skip filter of build_audit_dev.py are the sample. The script fails if a sampled turn has no label, if a
label is not for a sampled turn, if a value is malformed or if a note contains CJK characters.

Run:  python training/devsets/build_audit_tune.py
"""
from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))
from build_audit_dev import (draw_sample, print_label_counts, reply_label_errors, reply_rows,  # noqa: E402
                             write_jsonl)
from jddc_split import half_of, iter_dialogues  # noqa: E402

TUNE_OUT = HERE / "audit_tune.jsonl"
SEED = 20261205
N_SAMPLE = 200
HALF = "adapt"

# agent turn id -> (cognitive, affective, action, confirmation, verify_need, perfunctory, note)
TUNE_LABELS: dict[str, tuple[int, int, int, int, int, int, str]] = {
    '0000b82c62117aa4497508bb1bdfb53a:7': (0, 0, 0, 0, 0, 0, 'closing after the customer gave up'),
    '02435eabeaf1833519df102c13eb083a:3': (0, 0, 0, 0, 0, 0, 'opening template'),
    '056bfabbd1ee4cf9adcc87d1321ff9f4:11': (0, 0, 0, 0, 0, 0, 'closing'),
    '0d25b9e30dda8bab64b2aa8e09218a96:1': (0, 0, 0, 0, 0, 0, 'greeting'),
    '0df65b946aefb205024a33b63812aebc:9': (0, 0, 0, 0, 0, 0, 'closing after thanks'),
    '0e9cc64358d660d3f58f733f1acedb3b:1': (0, 0, 0, 1, 0, 0, 'greeting plus is this the order'),
    '10a7ee99e3df38f4168801ae5391aaaa:7': (0, 0, 0, 0, 0, 0, 'generic answer'),
    '10a7ee99e3df38f4168801ae5391aaaa:9': (0, 0, 0, 0, 0, 1, 'bare yes'),
    '10f1f97822df5b370405c66ff50e3018:13': (0, 0, 0, 0, 0, 1, 'bare OK'),
    '10f1f97822df5b370405c66ff50e3018:5': (0, 0, 0, 0, 0, 0, 'id request only'),
    '10f1f97822df5b370405c66ff50e3018:7': (0, 0, 1, 0, 0, 0, 'files a request, asks for a phone number'),
    '122304fdd4f74ce73e486d2f40518853:1': (0, 0, 0, 0, 0, 0, 'order-number request only'),
    '12ee3e5b9cb2ddea2c5c0170fea4f756:7': (1, 0, 0, 1, 0, 0, 'restates the unaccepted parcel and checks'),
    '1325ef48e79ab5edb9625726b0f00fa1:3': (0, 0, 0, 1, 0, 0, 'is this the order'),
    '1325ef48e79ab5edb9625726b0f00fa1:7': (1, 0, 1, 0, 0, 0, 'cancelled the order'),
    '1325ef48e79ab5edb9625726b0f00fa1:9': (0, 0, 0, 0, 0, 0, 'closing after thanks'),
    '1632d18192f6a4a9c4358b142a0b7bab:11': (0, 0, 0, 0, 0, 0, 'closing'),
    '1632d18192f6a4a9c4358b142a0b7bab:5': (0, 0, 1, 0, 0, 0, 'suggests a dispute ticket'),
    '169ca0ea2c33efeae9ea6ffa37fada1d:1': (0, 0, 0, 0, 0, 0, 'opening template'),
    '169ca0ea2c33efeae9ea6ffa37fada1d:7': (0, 0, 0, 0, 0, 0, 'generic inspection answer'),
    '1746325151543a82b45b7f77f06d7225:5': (0, 0, 1, 0, 0, 0, 'tells the customer to file after-sales'),
    '195275707529bfc350b520355d134c9a:5': (1, 0, 0, 1, 0, 0, 'reports redelivery reason; is this the order'),
    '1a392e84acdbc6dd64a0f34d6e4bbee6:3': (1, 1, 1, 0, 0, 0, 'understands the urgency; awaiting stock, ships on arrival'),
    '1a534477cdc8a865ad62f85351faf65c:9': (0, 0, 0, 1, 0, 0, 'checks the item and paid prices'),
    '1f7ad8978a4e8d51cfeb0adda6f872ee:3': (0, 0, 0, 0, 0, 1, 'bare OK'),
    '1f88f9d3d780e6e3daa49b71cf291678:5': (0, 1, 1, 0, 1, 0, 'apology; how to file; offers to file for the customer'),
    '2096de32-6800-4a2c-b782-1cb159d76443:3': (0, 0, 0, 0, 0, 0, 'generic brand after-sales answer'),
    '210e8672d0652f1a7e0161167524bd7e:3': (0, 0, 0, 1, 0, 0, 'is this the order'),
    '210e8672d0652f1a7e0161167524bd7e:5': (1, 0, 0, 0, 0, 0, 'the invoice issued for this order is electronic'),
    '2116dfb1-f908-4491-b14b-413d8f90dd61:1': (0, 0, 0, 1, 0, 0, 'greeting plus is this the item'),
    '2116dfb1-f908-4491-b14b-413d8f90dd61:17': (0, 0, 0, 0, 0, 0, 'closing after thanks'),
    '2116dfb1-f908-4491-b14b-413d8f90dd61:9': (0, 0, 0, 0, 0, 1, 'bare yes'),
    '227f2410e85a96cee8a102867e2f1f84:13': (0, 0, 0, 0, 0, 0, 'routine credit restore timeline'),
    '22ebb4aeece522b1914e0bb622345a02:27': (0, 0, 0, 0, 0, 0, 'will text after mailing; does not address the web-page problem'),
    '22ebb4aeece522b1914e0bb622345a02:9': (0, 0, 1, 0, 0, 0, 'refusal with a way forward'),
    '239c46af037da0991b869af7a95b2669:1': (0, 0, 0, 0, 0, 0, 'opening template'),
    '24d4ec66-2f79-478a-b01a-8e4bd9dd0523:1': (0, 0, 0, 0, 0, 0, 'opening template'),
    '24d4ec66-2f79-478a-b01a-8e4bd9dd0523:3': (0, 0, 1, 0, 0, 0, 'how-to: use encryption software'),
    '27d4d027ceb3be11bcdcd2b37eb3abcb:1': (0, 0, 0, 0, 0, 0, 'opening template'),
    '27d4d027ceb3be11bcdcd2b37eb3abcb:5': (0, 0, 1, 0, 0, 0, 'advises refusing delivery'),
    '27e21d68-005a-48e7-ba4f-df7b298ee48e:1': (0, 0, 0, 0, 0, 0, 'greeting plus a request for the other link; like an id request'),
    '2cb36f76465ea07842429d49ea619c79:5': (0, 0, 0, 0, 0, 0, 'fact question about the invoice'),
    '2df6a653-cf80-4aeb-be41-5eea80e53e9d:5': (0, 0, 1, 0, 0, 0, 'where to apply for price protection'),
    '2e68a42a31c9c6960fe6a3f75dfa5177:15': (0, 0, 0, 0, 0, 0, 'closing after thanks'),
    '32bd3caf2781f8902f120868c60d165e:5': (0, 0, 0, 0, 0, 0, 'asks for the new order'),
    '3321978146af22e288aee72f157504e1:1': (0, 0, 0, 0, 0, 0, 'opening template'),
    '3321978146af22e288aee72f157504e1:11': (0, 0, 0, 0, 0, 0, 'rating request'),
    '3321978146af22e288aee72f157504e1:13': (0, 0, 0, 0, 0, 0, 'thanks after rating'),
    '3321978146af22e288aee72f157504e1:3': (0, 0, 0, 0, 0, 0, 'talks the customer out of cancelling membership; 0 as in the dev talk-out case 4c9cbef3:5'),
    '332a8d47c016028fe6426ff0b2348a77:13': (0, 0, 0, 0, 0, 0, 'closing after OK'),
    '332a8d47c016028fe6426ff0b2348a77:9': (0, 0, 0, 0, 0, 1, 'bare yes'),
    '3aca962a18d45155f5c86cfdbaf3fb2c:5': (0, 0, 0, 0, 0, 1, 'bare yes'),
    '3cfb97485e63290171fee932dc32f11a:1': (0, 0, 0, 0, 0, 1, 'vague will deliver soon, no check'),
    '40c7797d38e0d23b1d3ab3497a2ac3ff:13': (1, 0, 0, 0, 0, 0, 'order not shipped yet'),
    '41c4c37414e7465f8b48de3b91ee0341:15': (0, 0, 0, 0, 0, 0, 'rating request after thanks'),
    '43a871b3a6b43ddda7939334d130f622:5': (1, 0, 0, 0, 0, 0, 'parcel reached the station'),
    '48eabe549781279e5604683e49623a75:3': (0, 0, 0, 0, 0, 1, 'bare OK'),
    '499fcd9af4bbaa96e2cbbf16aabe339c:1': (0, 0, 0, 0, 0, 0, 'order-number request with a conditional check; rule 7 and the dev order-selection case give 0'),
    '4a5480bb663317bc0cdff176b7ef8e5f:5': (0, 0, 0, 0, 0, 0, 'closing after the customer says it was a misclick'),
    '4d5abf493e8b83aca83929618887fb7c:3': (0, 0, 1, 0, 0, 0, 'tells the customer to register a business account'),
    '4d5abf493e8b83aca83929618887fb7c:7': (0, 0, 0, 0, 0, 0, 'generic account-type policy'),
    '5109e9be8e47cee7be5b76899a380d96:1': (0, 0, 0, 0, 0, 0, 'opening template'),
    '5109e9be8e47cee7be5b76899a380d96:7': (0, 0, 1, 0, 0, 0, 'invoice download steps'),
    '536092fd89ef685dd7c77612996da843:9': (0, 1, 0, 0, 0, 0, 'rest assured; generic timeline'),
    '5489beeba13633e6a9a930f5b3a1dd98:5': (0, 0, 0, 0, 0, 0, 'generic refund method answer'),
    '5489beeba13633e6a9a930f5b3a1dd98:7': (0, 0, 0, 0, 0, 0, 'closing after thanks'),
    '560b72bcd323d880ccbf6ece70b39c6c:7': (0, 0, 1, 0, 0, 0, 'how to apply for a new brand'),
    '5667d595910a7f9222d922ad536f8016:1': (0, 0, 0, 0, 0, 0, 'opening template'),
    '5667d595910a7f9222d922ad536f8016:13': (0, 0, 0, 0, 0, 0, 'closing after thanks'),
    '5667d595910a7f9222d922ad536f8016:3': (0, 0, 0, 1, 0, 0, 'is this the item'),
    '57969ca6-c7f2-48c6-9871-86b26e45e426:17': (0, 0, 1, 0, 0, 0, 'recommends a model'),
    '57969ca6-c7f2-48c6-9871-86b26e45e426:19': (0, 0, 0, 0, 0, 0, 'closing after a reluctant OK'),
    '5ab21857-79e3-4e70-9015-7e0c6e649739:1': (0, 0, 0, 0, 0, 0, 'generic cross-border timeline'),
    '5c8422ab1a174460444b099326f4cf7e:9': (0, 0, 0, 0, 0, 0, 'generic return-shipping policy'),
    '5d2778ec-b84d-4af7-85a1-537f7280148f:3': (0, 0, 0, 0, 0, 0, 'generic listing answer'),
    '60f22c1b71eed5f108bc282d3d000aee:3': (1, 0, 0, 1, 0, 0, 'is this the order; return in transit plus generic refund steps'),
    '651cc69f0c46bb4533525e078ef1f203:1': (0, 0, 0, 0, 0, 0, 'short answer that it can be cancelled'),
    '651cc69f0c46bb4533525e078ef1f203:3': (1, 0, 1, 0, 0, 0, 'refund applied'),
    '655fb92bea036e84b3a8a5a702bebcb0:1': (1, 1, 0, 1, 0, 0, 'apology; asks whether the customer cancelled'),
    '655fb92bea036e84b3a8a5a702bebcb0:5': (1, 0, 1, 1, 0, 0, 'checks the old order was cancelled; will review the refund'),
    '6627cdb39374c468d886ab099090c09c:5': (0, 0, 0, 0, 0, 0, 'generic refund timeline by payment method'),
    '6774bdfa993b36e0524e82675fa1d3ce:1': (0, 0, 0, 0, 0, 0, 'opening template'),
    '6774bdfa993b36e0524e82675fa1d3ce:11': (0, 1, 0, 0, 0, 1, 'apology; explains the early confirmation, no help for the missing parcel'),
    '6774bdfa993b36e0524e82675fa1d3ce:3': (0, 0, 1, 0, 0, 0, 'will check the order'),
    '6b0811ae01354601e6173fef3f85d43f:13': (1, 1, 0, 0, 0, 0, 'apology; parcel sent to the wrong station'),
    '6b0811ae01354601e6173fef3f85d43f:17': (0, 0, 0, 0, 0, 0, 'closing after a plain reply'),
    '6d8730dfd5864ab8c354be7462ff127d:1': (0, 0, 0, 1, 0, 0, 'is this the item'),
    '6dd98366216ae5c06629872a9c485354:13': (1, 0, 1, 0, 0, 0, 'pickup stopped, note added'),
    '6def073980d9a926189ff99972929a5e:11': (0, 0, 1, 0, 0, 0, 'transfer to business after-sales'),
    '6def073980d9a926189ff99972929a5e:3': (1, 0, 0, 0, 0, 0, 'the item is in stock'),
    '6def073980d9a926189ff99972929a5e:7': (0, 0, 0, 0, 0, 1, 'closing ritual in reply to an address the customer just sent'),
    '72e9f18f857e60f332dfa24c7fab81b5:7': (0, 0, 0, 0, 0, 0, 'closing after thanks'),
    '735b675b1f9a91afbb3434f1007a939f:5': (0, 0, 0, 0, 0, 0, 'order-number request only'),
    '735b675b1f9a91afbb3434f1007a939f:7': (0, 0, 1, 0, 0, 0, 'how to find the order number'),
    '735b675b1f9a91afbb3434f1007a939f:9': (0, 0, 0, 0, 0, 0, 'asks whether the customer is a merchant'),
    '7393e7b9bc520b9dff261d1c778eb8ee:1': (1, 0, 1, 0, 0, 0, 'checked: arrives tomorrow'),
    '7713749a5a3f9782f9b000c9513dcaa6:7': (1, 0, 0, 0, 0, 0, 'order reached the station'),
    '7713749a5a3f9782f9b000c9513dcaa6:9': (0, 0, 0, 0, 0, 1, 'closing ritual after a wish for same-day delivery'),
    '77e477d2c140c14268311ff843a3c818:5': (0, 0, 0, 0, 0, 1, 'bare yes'),
    '77e599a3c4b30b94bf964ffbf651f791:3': (1, 0, 0, 0, 0, 0, 'order shows cancelled, will not be delivered'),
    '77e599a3c4b30b94bf964ffbf651f791:5': (0, 0, 0, 0, 0, 1, 'cannot undo, this is the rule'),
    '78793e5f26df4f7669a06ab37e52a4b3:13': (0, 0, 1, 0, 0, 0, 'closing plus the station will contact you'),
    '78793e5f26df4f7669a06ab37e52a4b3:5': (0, 0, 1, 0, 0, 0, 'will check'),
    '78793e5f26df4f7669a06ab37e52a4b3:7': (1, 0, 1, 0, 0, 0, 'parcel at the station, contacted the station head'),
    '7b36ba19-eeb2-4429-8f59-202a6fba096c:5': (0, 0, 0, 0, 0, 0, 'generic what-is-your-question'),
    '7d637ce36b418aaa1fd519d12c676c63:1': (0, 1, 0, 0, 0, 0, 'sorry for the wait'),
    '7d637ce36b418aaa1fd519d12c676c63:5': (0, 0, 0, 0, 0, 0, 'talks the customer out of cancelling; 0 as in the dev talk-out case 4c9cbef3:5'),
    '82b5bd67422745243cd476a3d73963c3:3': (0, 0, 1, 0, 0, 0, 'checking'),
    '830623c20af23d6e737f56378fff46d3:11': (0, 0, 0, 0, 0, 1, 'vague will hurry'),
    '830623c20af23d6e737f56378fff46d3:3': (0, 0, 1, 0, 0, 0, 'callback numbers, keep the phone on'),
    '84873fca0c9c784efca6fbfd32670661:3': (1, 0, 0, 1, 0, 0, 'restates the address-change request and checks the city'),
    '84873fca0c9c784efca6fbfd32670661:7': (0, 0, 0, 0, 0, 1, 'bare OK to an address-change request'),
    '88c9c159196664149854a27131dd922e:5': (0, 0, 1, 0, 0, 0, 'instruction to place a new order'),
    '88c9c159196664149854a27131dd922e:9': (0, 0, 1, 0, 0, 0, 'tells the customer a new order is needed'),
    '8b5ac001c3595a8149e7918564e7ed51:15': (0, 1, 1, 0, 1, 0, 'registered; thanks for waiting; asks which invoice type'),
    '8c08ee70-2166-4a31-8318-22a093468e07:5': (0, 0, 0, 0, 0, 0, 'generic warranty policy'),
    '94ebf3cc-ac19-40ed-8c0b-42a711a48653:7': (0, 0, 0, 0, 0, 0, 'generic real answer'),
    '97204ec3cae4647f025ead8cd3746d50:3': (0, 0, 1, 0, 0, 0, 'will check'),
    '97204ec3cae4647f025ead8cd3746d50:7': (0, 0, 1, 0, 0, 0, 'instruction which button to click'),
    '98a821f311e8769dcf8ab6c39623d216:7': (0, 0, 0, 0, 0, 0, 'closing after thanks'),
    '9aef41481ea9b0c6f07ef609dc7d1404:11': (0, 0, 0, 0, 0, 1, 'cannot estimate, no help'),
    'a10b96d4-28ef-4fb6-9464-d0a290e81289:11': (0, 0, 0, 0, 0, 0, 'closing check after a plain reply'),
    'a19ee1863ddb9a1ec53d3fd571abdf8a:1': (0, 0, 1, 1, 0, 0, 'checking; please verify the item'),
    'a19ee1863ddb9a1ec53d3fd571abdf8a:3': (1, 0, 1, 0, 0, 0, 'pickup stopped, note added'),
    'a3163e4d7f9967b8e423eaa430dc3848:1': (0, 0, 0, 0, 0, 0, 'opening template'),
    'a3163e4d7f9967b8e423eaa430dc3848:3': (1, 0, 1, 0, 0, 0, 'checked: price protection was applied'),
    'a3163e4d7f9967b8e423eaa430dc3848:9': (0, 0, 0, 0, 0, 0, 'closing after an answered question'),
    'a64b9a097f3f747654df0eeca7efeebf:7': (0, 0, 0, 0, 0, 0, 'closing after thanks'),
    'a65170d292edb081333eb49fd2242b62:1': (0, 0, 0, 0, 0, 0, 'greeting'),
    'a65170d292edb081333eb49fd2242b62:11': (1, 0, 1, 0, 0, 0, 'no stock for the item soon; suggests another product'),
    'a941541703a856986da9a6ca0639ddf3:5': (1, 0, 1, 0, 0, 0, 'says it is handled'),
    'acb6d7c5-47eb-4ac1-bed2-825cdb24da85:5': (0, 0, 0, 0, 0, 0, 'short real answer'),
    'ade0614afb0ba87ab3d9ddfa517345e1:7': (0, 0, 0, 0, 0, 0, 'closing after OK'),
    'ae8730c7cb83cbb0df300df1f4d7b780:9': (0, 0, 0, 0, 0, 0, 'closing after a plain reply'),
    'b1c892996d97e00bf6a96bb2787a02d8:1': (1, 0, 0, 1, 0, 0, 'asks whether the customer needs to rebind the phone'),
    'b1c892996d97e00bf6a96bb2787a02d8:5': (0, 1, 1, 0, 0, 0, 'apology; escalated, specialist will call'),
    'b1c892996d97e00bf6a96bb2787a02d8:7': (0, 0, 1, 0, 0, 0, 'escalated, callback, keep phone on'),
    'b1cc1ff0aef223c23092bfc1dd7c6670:5': (0, 0, 0, 0, 0, 1, 'OK plus closing ritual after a request for same-day delivery'),
    'b3b7de15f16041303b5c69c802dc7f01:1': (0, 0, 0, 0, 0, 0, 'opening template'),
    'b3b7de15f16041303b5c69c802dc7f01:3': (0, 0, 0, 0, 0, 0, 'generic product answer'),
    'b3b7de15f16041303b5c69c802dc7f01:5': (0, 0, 1, 0, 0, 0, 'points to an official account for the answer'),
    'b55c27525eb1dd12b94e68e2686de638:7': (0, 1, 0, 0, 0, 1, 'apology plus refusal, no alternative'),
    'b55c27525eb1dd12b94e68e2686de638:9': (0, 0, 0, 0, 0, 0, 'closing after the customer let it go'),
    'b6729217f5c651d5907003e3c60d5687:1': (1, 0, 0, 0, 0, 0, 'reports the new waybill for the return'),
    'b90022fa-70fd-42d7-a948-b53331b78de9:7': (0, 0, 0, 0, 0, 0, 'closing after thanks'),
    'b94811810948a9389156ec779ee410be:5': (0, 1, 1, 0, 0, 0, 'rest assured; will urge'),
    'b996c88f-fc9d-4da8-b453-0daf273ef7f4:25': (0, 0, 0, 0, 0, 0, 'closing after pleasantries'),
    'b996c88f-fc9d-4da8-b453-0daf273ef7f4:9': (0, 0, 0, 0, 0, 1, 'bare yes'),
    'ba7a0727-03f3-44eb-bed4-905bab81849b:13': (0, 1, 0, 0, 0, 0, 'bare apology'),
    'ba7a0727-03f3-44eb-bed4-905bab81849b:15': (1, 0, 0, 0, 0, 0, 'confirms the submitted info is complete'),
    'bd361b97add198c450b029f070eeb75f:5': (0, 0, 0, 0, 0, 0, 'short generic answer'),
    'c1c0f161607cbd6fc8b3a02842a27496:1': (0, 0, 0, 0, 0, 1, 'brand not supported, no alternative'),
    'c1c0f161607cbd6fc8b3a02842a27496:3': (0, 0, 0, 0, 0, 1, 'bare yes'),
    'c32024c8d191e33191a3be2565cb6af5:7': (0, 0, 0, 0, 0, 0, 'closing after no more questions'),
    'c41771f9f4f2f99368d3d78013fb662d:3': (0, 0, 0, 0, 0, 0, 'id request with a conditional check'),
    'c55f824f150bdfa3de9fdb3519bb16d9:3': (0, 0, 0, 0, 0, 1, 'cannot be checked, no help'),
    'c68a9d9847f92d454946025fd2f9e27e:5': (0, 0, 1, 0, 0, 0, 'instruction where to edit'),
    'c7446e68fd4b16a5743c697d3af826ca:11': (0, 0, 0, 1, 0, 0, 'is this the phone'),
    'ca70c713f2a66a8470c5cf95c9103f8d:5': (0, 0, 0, 0, 0, 0, 'closing after the customer sent the number asked for'),
    'ca839ee1f4af95a2e794e7661d82a1e0:13': (0, 1, 0, 0, 0, 1, 'rest assured, no information after an urgent request'),
    'cc50c075997b7e512ae545866d7ebbce:7': (0, 0, 0, 0, 0, 0, 'closing after a reluctant OK'),
    'cca55144c930862c93218b1218a939ac:9': (0, 0, 0, 0, 0, 0, 'closing after OK'),
    'cf774146178a2b481966fae20413b11c:5': (0, 0, 0, 0, 0, 0, 'generic coupon time'),
    'd03065d3e21d19bf138ecb20aa56533a:7': (0, 0, 0, 0, 0, 1, 'bare OK to a request to hurry'),
    'd226db360de4677fa7ae4718f21baf7f:11': (0, 0, 0, 0, 0, 0, 'order-number request only'),
    'd226db360de4677fa7ae4718f21baf7f:3': (0, 1, 1, 0, 0, 0, "don't worry; checking and escalating with a callback"),
    'd226db360de4677fa7ae4718f21baf7f:9': (0, 0, 0, 0, 0, 0, 'generic invoice timeline'),
    'd447b3fe5bb27f3d808135ea73420c65:7': (0, 0, 1, 0, 0, 0, 'escalated to a specialist, callback'),
    'd8be5b43-bcce-419e-9b41-48ea4af93b0b:5': (0, 0, 0, 0, 0, 1, 'closing ritual to an unanswered question'),
    'd8be5b43-bcce-419e-9b41-48ea4af93b0b:7': (0, 0, 0, 0, 0, 0, 'generic explanation of price protection'),
    'dab24be63ffccb0777646ad8b06bc91f:3': (0, 0, 0, 0, 0, 1, 'see the page, brush-off'),
    'e020abd59e5b9bd1c9cb7bb263e26a60:11': (0, 0, 0, 0, 0, 1, 'bare yes, does not answer'),
    'e1245f7104048196894b39aeaddfb787:3': (0, 0, 0, 1, 0, 0, 'is this the item'),
    'e24f100f4c3348935e3e94b1f7cd6e7f:3': (0, 0, 0, 0, 0, 1, "closing ritual after the customer's frustration"),
    'e24f100f4c3348935e3e94b1f7cd6e7f:5': (0, 0, 1, 0, 0, 0, 'instruction to place an order'),
    'e2d8ad4f69e25a5026771f90325b537f:7': (1, 0, 0, 0, 1, 0, 'asks until when to delay'),
    'e4e2023490748d5815a2a37609ac54cc:17': (0, 0, 0, 0, 0, 0, 'generic qualification condition'),
    'e4f0c332ad67ded70ad27456bc21b8e0:17': (1, 0, 0, 0, 0, 0, 'gifts ship together with the order'),
    'e59a41df1bd4f9bc76847834e8dc1ab6:3': (0, 0, 1, 1, 0, 0, 'checking; is this the item received'),
    'e789c8d971a23788bc6378c2419f9dd5:5': (0, 0, 0, 0, 0, 0, 'closing after thanks'),
    'eb3567717a7b87729586e4a4633a8f1f:25': (0, 0, 0, 0, 0, 0, 'closing'),
    'eb3567717a7b87729586e4a4633a8f1f:7': (0, 0, 0, 0, 0, 0, 'closing filler after OK'),
    'eb3e301b84022e07ecbe5b58e2201601:7': (0, 0, 0, 0, 0, 0, 'closing after thanks'),
    'eb432cdf-6ea1-4a7d-88f4-014260438664:3': (0, 0, 0, 0, 0, 0, 'clarifying question'),
    'eb432cdf-6ea1-4a7d-88f4-014260438664:9': (0, 0, 0, 0, 0, 0, 'generic invoice rule answer'),
    'ee7a94cc-9e8c-4091-ac8a-71c64cb847ff:7': (0, 0, 0, 0, 0, 1, 'bare OK'),
    'ee9068d7319e3a4e1922f9d5f4a55a5c:13': (0, 0, 0, 0, 0, 0, 'closing after OK'),
    'f49334a9edf90815e1abecabf486fed7:5': (0, 1, 0, 0, 0, 0, 'apology with a generic stock explanation'),
    'f49f1cb8c26c1f5f34d879d3fee8ea8b:7': (1, 0, 1, 0, 0, 0, 'refund submitted'),
    'f4ecd07b27534dd7d18e5f9bb7c26bea:9': (0, 0, 0, 0, 0, 0, 'closing'),
    'f7cd1a0a7231422d035c9db21688a9e3:5': (0, 0, 1, 0, 0, 0, 'store phone to contact'),
    'f922a643f1757891fcf809d72a8d38c6:1': (0, 0, 0, 0, 0, 1, 'bare I am here to a price protection request'),
    'fa1ee3f3-c6f6-4cae-aa0e-ad3b8afdfac5:3': (0, 0, 0, 0, 0, 1, 'bare I am here'),
    'fac07526981f527bd9ede4c442d8f3e5:9': (0, 0, 0, 0, 0, 1, 'closing ritual; invoice time question unanswered'),
    'fae663614b93985db4bc1417bc7dcebc:3': (0, 0, 0, 0, 0, 1, 'bare question mark'),
    'fbc09e4a01a79a4579bcafc57e5995ca:9': (0, 0, 0, 0, 0, 0, 'generic coupon rule'),
    'fe39303c30929014b0f1ba3bb376e7bf:1': (0, 0, 0, 0, 0, 0, 'opening template'),
    'ff63ea5ad453bf3bb65c5775d0357f89:11': (0, 0, 0, 0, 0, 0, 'closing after OK'),
    'ff63ea5ad453bf3bb65c5775d0357f89:5': (1, 0, 1, 0, 0, 0, 'notes self drop-off, re-review'),
    'ff63ea5ad453bf3bb65c5775d0357f89:9': (1, 0, 1, 0, 0, 0, 'notes the delivery change the customer asked for'),
}


def adapt_dialogues() -> list[dict]:
    return [d for d in iter_dialogues() if half_of(d["session_id"]) == HALF]

def check(sample: list[tuple[str, int]]) -> None:
    errors = reply_label_errors(TUNE_LABELS, sample, N_SAMPLE)
    errors += [f"{tid}: not an {HALF}-half dialogue" for tid in TUNE_LABELS
               if half_of(tid.rsplit(":", 1)[0]) != HALF]
    if errors:
        raise SystemExit("\n".join(errors))

def main() -> None:
    dialogues = adapt_dialogues()
    sample = draw_sample(dialogues, SEED, N_SAMPLE, HALF)
    check(sample)
    rows = reply_rows(dialogues, sample, TUNE_LABELS)
    write_jsonl(TUNE_OUT, rows)
    print(f"wrote {len(rows)} rows to {TUNE_OUT}")
    print_label_counts(rows)

if __name__ == "__main__":
    main()
