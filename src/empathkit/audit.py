"""audit_reply: which empathy layers an agent's reply contains, and what it gets wrong.

The seeds measure an agent's listening by the three layers of empathy (cognitive: shows it understood;
affective: accepts the feeling; action: says what will be done), by whether the agent restates and confirms
the customer's facts, whether it verifies the need, and by the share of perfunctory words. Every detector here
is a rule over the reply (and, for perfunctory replies, the customer's message), so it is fast enough to run
over whole archives and explains itself.

The rules follow the conventions of the hand-labeled JDDC replies (``training/devsets/README_audit.md``):

- greeting and closing templates (有什么可以帮您, 请问还有其他…吗, 祝您生活愉快, rating requests) are removed
  first and count for nothing;
- a reply that is only fillers (嗯, 好的, 是的, 请稍等, a bare yes or no) is perfunctory; so is a closing template
  sent in reply to an open question, request or complaint, a reply that only soothes or asks to wait after a
  question or complaint, and a short refusal or deflection with no way forward;
- cognitive empathy needs facts about this customer: a restatement of the request, or the state of their own
  order, item or address; generic timelines do not count;
- a bare request for an order or phone number and routine timelines are not an action;
- "is this the order?" checks and restatements + 是吗/对吗 are confirmations;
- verify_need is a question about this customer's need (either/or, which service, a proposed product).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .audit_model import AUDIT_MODEL, MODEL_LABELS, THRESHOLD
from .errors import require_text
from .guardrails import check_reply
from .results import _html_table
from .script import to_simplified

# Greeting templates: the reply says nothing yet about this customer (rule 1).
_OPENING = re.compile(
    r"(?:请问)?(?:您)?(?<!还)有什么(?:问题|事情|需要)?(?:我|小妹|妹子|这边)?(?:可以|能)(?:帮|为|帮到|帮助)(?:您|你)"
    r"(?:处理|解决|效劳|服务)?(?:或解决)?(?:的)?(?:吗|呢|么|嘛)?|"
    r"请问(?:您)?(?:是)?咨询之前的问题还是有其他的?问题需要处理(?:呢|吗)?|"
    r"(?:请问)?(?:您)?(?:是)?(?:需要)?咨询(?:订单|这个商品|商品)?的?什么问题(?:呢|吗)?|"
    r"(?:很高兴|非常高兴|很开心)(?:能)?(?:为您|为你|给您)服务(?:哦|哟|呢|的)?|"
    r"(?:我是|这里是)[^，,。!！?？\s]{0,16}(?:客服|小红人|助理|小秘书)[^，,。!！?？\s]{0,6}|"
    r"(?:\[数字x\])?(?:号)?客服[^，,。!！?？\s]{0,6}为您服务|美好的一天从遇见您开始|一定是缘分让我们相遇|"
    r"(?:尊敬的商家|尊敬的客户)?(?:您好|你好|早上好|上午好|中午好|下午好|晚上好)(?:呀|哦|哈|呢)?")
# Closing templates: thanks, wishes, rating requests, "anything else?" (rules 1, 2 and 8).
_CLOSING = re.compile(
    r"(?:请问)?(?:您)?(?:看)?(?:下|看|一下)?(?:这边)?还有(?:没有)?(?:其他|其它|什么|别的|啥|可以|能|需要|问题)[^。!！?？]{0,16}?"
    r"(?:吗|呢|么|嘛|[?？])|"
    r"还有(?:其他|什么|别的)?(?:问题|需要)[^。!！?？]{0,6}?(?:可以)?(?:继续|随时)[^。!！?？]{0,16}|"
    r"(?:请问)?(?:您)?还有(?:什么|其他|别的)(?:问题|需要)?(?:我|小妹|妹子|这边)?(?:可以|能)(?:帮|为|帮到|帮助)(?:您|你)[^，,。!！?？\s]{0,4}|"
    r"(?:(?:还请|请|麻烦|辛苦)(?:您)?[^，,。!！?？]{0,24}|[^，,。!！?？\s]{0,20})(?:评价|好评|打分|满意度|小红心|桃心)"
    r"(?!很|挺|不错|都|高)[^。!！\s]{0,20}|祝福您[^。!！?？]{0,20}|"
    r"(?:感谢|谢谢)(?:您)?(?:对|对于)?京东(?:到家)?(?:物流)?的?(?:支持|关注|信任)(?:与反馈)?|"
    r"(?:预)?祝您[^。!！?？]{0,30}|再见|拜拜|么么哒|mua|"
    r"(?:您|你)?(?:真是)?(?:太|别|不用)?客气(?:了|啦|的|滴)?|不客气|(?:这些|这)?(?:都)?(?:是)?(?:我们|小妹|我|咱们)?的?(?:应该|应当)(?:做)?的(?:事)?|"
    r"(?:这些|这)?(?:都)?(?:是)?(?:我们|小妹|我|咱们)?的?分内之事|(?:是)?小妹的(?:职责|荣幸)|"
    r"(?:很|非常)?高兴(?:遇到|能帮到|帮到|能帮)[^，,。!！?？]{0,24}|"
    r"(?:遇到|碰到)(?:像)?(?:您|你)这(?:样|么)[^，,。!！?？~～]{0,12}(?:客户|顾客|买家)[^。!！?？~～]{0,16}|"
    r"(?:怠慢|照顾不周)[^。!！?？]{0,12}(?:谅解|包含|包涵|见谅)|期待(?:再次|下次)?(?:为您|与您)[^。!！?？\s]{0,8}|"
    r"如果(?:今后|以后)?再?(?:遇到|有)[^。!！?？]{0,30}|随时(?:来问|咨询|联系)[^。!！?？\s]{0,12}|"
    r"(?:非常|十分|万分)?(?:感谢|谢谢)(?:您的)?(?:理解|谅解|支持|耐心|配合|咨询|反馈)(?:和支持)?|(?:非常|十分|万分)?(?:感谢|谢谢)(?:您|你)(?:啦|了|哦|呢)?|"
    r"(?:师傅)?(?:您|你)?辛苦了|辛苦(?:您|你)了(?:哦|呢|哈|呀)?|麻烦(?:您|你)了|您放心我并未离线|我会继续给您解决|"
    r"(?:小妹|妹子)?一定(?:会)?尽心尽力[^。!！?？]{0,12}|(?:请问)?(?:您的)?问题是否[^。!！?？]{0,12}解决(?:了)?(?:呢|吗)?|"
    r"(?:因为)?没有得到您的答复[^。!！?？]{0,40}|(?:我)?一定(?:会)?(?:为|帮)您解决好|(?:如果)?您的问题(?:没有|还没|未)解决[^。!！?？]{0,30}|"
    r"有什么(?:需要|问题)[^。!！?？]{0,6}可以联系我(?:们)?(?:哦|呢)?|(?:很)?乐意为您服务[^。!！?？\s]{0,3}|我一直在[^。!！?？\s]{0,6}")
# Kept for callers that strip every ritual at once (dialogue summaries).
_RITUALS = re.compile(f"{_CLOSING.pattern}|{_OPENING.pattern}")
# Accepting the feeling or apologising (rule 8; closing apologies and 辛苦您了 go with the rituals first).
_AFFECTIVE = re.compile(
    r"抱歉|不好意思|对不起|歉意|理解您|能理解|非常理解|明白您的(?:心情|感受|着急)|体谅|让您久等|久等了|"
    r"(?:给|为)(?:您|你)带来(?:的)?(?:不便|困扰|麻烦|不好)|给您添麻烦|耽误您|辛苦(?:您|你|亲亲|亲)?(?:再)?(?:耐心)?(?:等待|稍等)|"
    r"别着急|不要着急|不用着急|莫着急|您别急|不要急|别担心|不要担心|不用担心|请您放心|(?<!让)您放心|请放心|放心(?:哦|的|吧|啦|呢)|"
    r"消消气|息怒|道歉|委屈|感同身受|换作是我|心情(?:不好|糟糕|很差)|您(?:的)?心情|着急了")
# Soothing or stalling words with no information: a reply made only of these answers nothing (rule 4).
_STALL = re.compile(
    r"(?:真的|非常|十分|很|实在)?(?:抱歉|不好意思|对不起)|(?:给|为)(?:您|你)带来(?:了)?(?:的)?(?:不便|困扰|麻烦|不好的(?:体验|感受))(?:了|呢)?|"
    r"(?:给|为)(?:您|你)添(?:了)?麻烦(?:了|呢)?|"
    r"(?:还)?请(?:您)?见谅|(?:还)?(?:请|麻烦|辛苦|建议)?(?:您|亲亲|亲)?(?:再)?(?:稍加|稍微)?(?:耐心)?(?:等待|等)(?:一下|下|一会|一下下)?|"
    r"麻烦(?:您|你)(?:的|了)?|"
    r"(?:别|不要|不用|莫)(?:着急|急|担心)|(?:请)?(?:您)?放心|(?:这边|小妹)?(?:会)?后续(?:再)?(?:告知|通知)(?:您)?|"
    r"(?:请)?(?:您)?理解|耽误(?:您|你)的?时间(?:了)?|让(?:您|你)久等(?:了|啦)?|(?:给|向)(?:您|你)道歉|"
    r"(?:(?:商品)?(?:到货|有货)(?:后|以后|之后)?)?(?:这边|我们|咱们|小妹|妹子)?(?:就)?(?:会|一定会)?(?:就)?(?:尽快|尽力|尽量)(?:的|为您|给您|帮您)?"
    r"(?:配送|发货|发出|处理|安排|送)?(?:的)?|"
    r"(?:这边|我们|咱们|小妹|妹子)?(?:会|一定会)(?:帮|为|给)(?:您|你)(?:处理|解决|安排)好(?:的)?|"
    r"(?:我们|这边|京东)?(?:以后|今后|后续|下次)(?:会|一定会)?(?:加快|改进|注意|改善|提升|提高)[^，,。!！?？]{0,8}")
# Bare fillers: a reply made only of these is perfunctory (rule 3 counts a bare yes or no and 请稍等 too).
_FILLER_WORDS = re.compile(
    r"没事|没问题|没关系|(?:我|小妹|妹子)在(?=的|呢|哦|哒|呐|$)|嗯+|哦+|噢+|喔+|额+|恩+|不可以|不能|不行|不用|不需要|需要|不支持|支持|不是|还没有|暂时没有|都可以|都行|一样|能|有|没|好的|好滴|好哒|好嘞|好吧|是的|对的|不是的|不会的|不会|会的|有的|没有|在的|收到|了解|明白|知道了|"
    r"可以的|行|ok|在呢|在哒|在|(?:亲爱|尊敬)的客户|是这(?:个|款|单)|好|对|是|亲亲|亲爱的|亲爱哒|亲爱滴|亲|小主|客官|(?:还)?(?:您)?请?(?:您)?稍等(?:一下|下|一会|片刻)?|"
    r"哈+|呢|呀|啦|滴|哟|的|吧|嘛|哒|呐|啊|了|一下|那边|这边|小妹|妹子", re.IGNORECASE)
# Characters of a bare yes/no answer; a short reply to a question adding nothing else is perfunctory (rule 3).
# A bare hello, the only opening that does not offer help (您好 vs. 有什么可以帮您).
_HELLO = re.compile(r"(?:尊敬的商家|尊敬的客户)?(?:您好|你好|早上好|上午好|中午好|下午好|晚上好)(?:呀|哦|哈|呢)?")
# "I am here" (在的 / 我在呢): after a greeting it still answers nothing (rule 3).
_PRESENCE = re.compile(r"在(?:的|呢|哒|呐|哦)|(?:我|小妹|妹子)在")
_ANSWER_CHARS = frozenset("是不没有无都这那款个种些的了哦呢哈亲啦呀吧哟滴嘛哒会能可以对就还也很挺蛮非常暂时目前")
_ASKS_BACK = re.compile(r"(?:吗|么|嘛|[?？])[\s~～。.!！]*$")
_BARE_ANSWER_CHARS = 10
_PUNCT = re.compile(r"[\s，,。.！!？?~～…、:：;；\[\]【】()（）\"“”'‘’^_*#@&＃\-—=+]+")
_MASKED = re.compile(r"\[[^\[\]]{0,24}x\]")
# "(so that) we check it for you" after a request for the number: part of the request, not a step (rule 7).
_CHECK_TAIL = (r"(?:这边|那边|小妹|妹子|我){0,2}(?:好|才能|马上|先|再)?(?:去)?(?:帮|为|给)您(?:查询|查看|核实|查|看看|看下){1,2}"
               r"(?:一下|下)?")
# The order-selection template and bare requests for an order or phone number: not a step (rule 7).
_ID_REQUEST = re.compile(
    r"(?:APP端)?(?:麻烦|请)?(?:您)?点击对话框[^。]{0,120}(?:查询|查看)(?:一下|下)?|"
    r"点击[^。]{0,12}订单[^。]{0,30}选择[^。]{0,12}订单|"
    r"(?:请|麻烦|辛苦)?(?:您)?(?:提供|发|告知|复制|给)(?:一下|下|我)?(?:您的|您)?[^，,。!！?？\s]{0,10}"
    r"(?:订单号|订单编号|单号|手机号|号码|电话|联系方式|ID|id|编码|编号|链接)(?:好吗|吗|哦|呢|亲|哈){0,3}(?:给我|给小妹)?[，,!！~\s?？]{0,6}"
    rf"(?:{_CHECK_TAIL})?|"
    rf"(?:订单号|单号|编号|链接)(?:发|给)(?:我|小妹)(?:一下|下)?[，,\s]{{0,2}}{_CHECK_TAIL}")
_AGENT_VERB = (r"(?:查询|查看|查一下|查下|查|核实|核对|审核|处理|申请|催促|催|反馈|留言|备注|登记|提交|修改|改|取消|拦截|补发|换开|"
               r"开具|开|联系|跟进|预约|升级|加急|记录|转接|安排|操作|解决|咨询|告知|看看|看下|确认|上门|换|退|回电|回复|"
               r"延迟|延期|协调|通知|追踪|跟踪|报备|发送|重新|答复|转)")
# Concrete next steps, by the agent (taken, under way or promised) or for the customer (rule 7).
_ACTION = re.compile(
    rf"(?<!无法)(?<!不能)(?<!没法)(?<!不可以)(?:帮|为|给|替)(?:您|你|亲亲|亲)[\u4e00-\u9fff]{{0,4}}?{_AGENT_VERB}(?![\u4e00-\u9fff]{{0,2}}的是|好的)|"
    rf"(?:小妹|妹子|妹纸|我|我们|这边|小红人)(?:这边|那边)?(?:已经|已|马上|立即|现在|这就|会|来|去|正在|将)?"
    rf"(?:帮|为|给)(?:您|你)?[\u4e00-\u9fff]{{0,3}}?{_AGENT_VERB}|"
    r"(?:小妹|妹子|妹纸|我|我们|这边)(?:这边)?(?:已经|已|会|去|来)?(?:联系|反馈|留言|催促|备注|登记|升级|核实)"
    r"[\u4e00-\u9fff]{0,4}?(?:了|过|一下)|"
    r"(?:^|[\s，,。!！])(?:(?:已经?)?(?:申请|提交|反馈|催促|登记|备注|拦截|处理)(?:了|好了|成功了)|已经?(?:申请|提交|反馈|催促|登记|备注|留言|处理))|"
    rf"已(?:经)?(?:帮|为|给|替)(?:您|你)?[\u4e00-\u9fff]{{0,3}}?{_AGENT_VERB}|"
    r"正在(?:为|帮|给)?(?:您)?(?:积极|火速)?(?:查|处理|核实|申请|联系|操作)|(?:查询|核实|处理)中|"
    r"会(?:尽快|积极|再次|及时|提前|第一时间)?(?:(?:和|与|给|跟)(?:您|你)(?:电话)?(?:联系|预约|回电|回复|致电)|(?:联系|致电)(?:您|你))|"
    r"(?:专员|站点|客服|售后)[^。!！?？，,]{0,12}?(?:联系您|(?:与|和|给)您[\u4e00-\u9fff]{0,2}联系|回电|致电)|"
    r"(?:您|亲|亲亲)(?:也)?可(?:以)?(?:在|去|到|先|下|尝试|来找|找|咨询|关注|留意|查看|看一下|直接|选择|通过|后台|登录|使用)|"
    r"(?:需要|麻烦|请)(?:您)?(?:去|先)?(?:使用|下单|下个|下一个|下新|拍|注册|重新|登录)|(?:您|亲)(?:需要)?(?:先|再|就)?(?:去)?(?:下|拍)(?:一)?个(?:新的?)?(?:订单|单)|"
    r"(?:小妹|妹子|我|我们|这边)(?:这边)?(?:现在|马上|这就|先)?(?:看下|看一下|查看|查一下|查下)|"
    r"(?:小妹|妹子|我|我们|这边)(?:这边)?会(?:记录|升级|反馈|跟进|催促)|"
    r"可以(?:点击|通过|联系|申请|提交|重新|自行|拨打|登录|进入|拒收|选择)|建议(?:您|亲)?(?!考虑|保留|保持|您|亲|耐心|等|关注|留意)[\u4e00-\u9fff]|"
    r"(?:请|麻烦|辛苦)(?:您|亲)?(?:先)?(?:点击|复制|申请|联系|拒收|选择|拨打|进入|登录|重新|下单|将|把|提交|留意|关注|自行(?!查看|关注|留意)|到|去|在(?![^，,。!！?？]{0,8}等))|"
    r"只能(?:是)?(?:建议)?(?:您)?(?:拒收|取消|申请|联系|重新|下单|换开|给您|退)|重新(?:下单|拍|购买|提交)|拒收|"
    r"(?:我们|这边|小妹|妹子|我)(?:这边)?(?:会|将|马上|立即|立刻|稍后)(?:尽快|及时|第一时间)?(?:为|帮|给)?(?:您)?"
    r"(?:处理|安排|发货|补发|退款|联系|核实|反馈|跟进|催|查|申请|提交|通知|回复)|"
    r"(?:您|亲|亲亲)(?:也)?可以(?!的|吗|了)[\u4e00-\u9fff]|"
    r"点击(?!.{0,6}评价)|(?:按照|根据)[^，,。]{0,8}操作|(?:咨询|客服|服务|售后|厂家|入驻|联系)(?:电话|热线)(?:是|为|哦|呢)|热线|"
    r"拨打|致电|(?:您|亲)(?:可以)?(?:先|直接)?(?:联系|拨打|致电)(?:一下|下)?|"
    r"(?:您|亲)(?:直接|先)?(?:到|去|在|联系)[^，,。!！?？]{0,14}(?:即可|就可以|就行)|"
    r"(?:需要|要|得)(?:您)?(?:单独|先|自行|去|再)?(?:购买|上传|填写|提交|绑定|注册|初始化|下载|登录|申请|寄回|寄)|"
    r"(?:麻烦|辛苦)(?:您)?(?:看下|看一下|查看|留意|注意)|(?:我|小妹|妹子|这边)(?:先)?看看|"
    r"(?<!无法)(?:和|跟|与)(?:站点|商家|配送|快递|仓库|售后|专员|厂家|物流)[\u4e00-\u9fff]{0,4}?(?:说|反馈|联系|沟通|确认|协商)|"
    # the agent's own steps: a callback at a stated time, arranging a contact, asking a colleague, passing it on
    r"会在[^，,。!！?？]{1,12}?(?:联系|致电|回电|回复)(?:您|你)|(?:安排|升级)(?:给|到|至)?[\u4e00-\u9fff]{0,4}?(?:联系|上门|核实|处理)|"
    r"(?:我|小妹|妹子|这边)(?:先|再)?问(?:问|一下|下)|(?:发给|转给|转交|告知)(?:站点|仓库|配送员|快递员|商家|专员|售后)|"
    r"(?<![您你])已经?(?:通知|发送|转交|上报|升级|催促|备注|留言)|"
    # the customer's own next step: confirm receipt, open the page, call the seller, contact the named party
    r"(?:您|亲)(?:这边)?(?:先|再|直接)?确认收货|点开|(?:您|亲)(?:可以)?(?:先|直接)?打[^，,。!！?？]{0,6}电话|"
    r"需要(?:您)?(?:先|再|去)?联系|"
    r"拦截成功|先(?:填|提交|上传|申请|下单|确认|联系)|代收|协商[^，,。!！?？]{0,6}时间|"
    r"您[^，,。!！?？]{1,20}(?:即可|就可以了|就行了|就(?:是)?可以使用|就能使用)|"
    r"需要(?:您|你)(?:先|再|单独|自行|去|到|在)?(?!提供|耐心|等|稍等|确认|的|承担|支付|付)[\u4e00-\u9fff]|(?:您|亲)(?:再|先|就)?重新(?!发|提供|告知)[\u4e00-\u9fff]|"
    r"(?:您|亲)(?:先|再|就)?去(?:再次|重新)?(?!哪)[\u4e00-\u9fff]")
# A routine timeline in front of a promise ([数字x]个工作日内帮您开具) is not a step (rule 7).
_TIMELINE = re.compile(r"\[数字x\](?:\s{0,2}(?:-|到|至|~)\s{0,2}\[数字x\])?(?:个)?(?:工作日|小时|天)(?:之内|以内|内)?(?:会)?"
                       r"(?:帮|为|给)(?:您|你)[\u4e00-\u9fff]{0,4}")
# "Is this the order / item?" checks (rule 6).
_ID_CHECK = re.compile(
    r"(?:请问)?(?:是)?这(?:个|两个|几个|些|款|单|一单)(?:订单|商品|地址|号码|宝贝|手机|电脑|产品|东西|型号|服务单|单子)?(?:号)?[，,\s]{0,2}(?:对吗|对吧|是吗|是吧|吗|嘛|么)|"
    r"\[(?:订单|商品)[^\[\]]{0,4}x\]\s{0,2}(?:亲爱哒|亲爱的|亲亲|亲)?\s{0,2}(?:这(?:个|单)(?:订单|商品)?)?(?:号)?(?:吗|嘛|么)|"
    r"请(?:您)?核对(?:一下|下)?(?:商品|订单|信息)|"
    r"(?:是|就是)(?:这个|这款|这单)(?:订单|商品)?(?:号)?(?:吧|哈)?[?？]|"
    r"(?:您|你)说(?:的)?(?:是)?(?:此单|这单|这个|这款)(?:么|吗|嘛)|(?:这|那)(?:两|几)(?:单|个)[?？]|"
    r"(?:^|(?<=[\s，,。!！?？亲]))是(?:需要|要|想)[^。!！?？]{2,16}(?:吗|么)|"
    r"(?:您|你)(?:的)?(?:商品|订单|包裹|快递|东西|退款)?(?:是)?(?:现在|已经)?[^。!！?？，,\s]{1,8}了(?:吗|么)|"
    r"(?:您|你)?(?:还)?(?:未|没有?)(?:收到|签收|到货|退款|接到)[^。!！?？，,]{0,8}(?:吗|么)|"
    r"是否确认[^。!！?？，,]{1,8}|(?:请|麻烦)(?:您)?确认(?:一下|下)(?:哦|呢|哈)?\s*$")
# Restating the customer's facts or request to check them (rules 5 and 6).
_RESTATE_CHECK = re.compile(
    r"(?:您|你)(?:是)?(?:说|指|的意思是)[^。!！?？]{1,30}?(?:对吗|对吧|是吗|是吧|吗|吧)|"
    r"(?:您|你)(?:是)?(?:想|要|想要|需要|希望)(?!什么|哪)[^。!！?？还]{1,30}?(?:对吗|对吧|是吗|是吧|吗|吧|(?<!什)么)|"
    r"(?:^|(?<=[\s，,。!！?？亲的]))(?:是)?(?:想|要|需要|希望)(?:换绑|延迟|延期|更改|修改|改|换|退|取消|补开|开具)"
    r"[^。!！?？还]{0,20}?(?:吗|么)|"
    r"[^，,。!！?？\s=]{3,40}[，,\s]{0,3}(?:对吗|对吧|是吗|是吧|是么|对么|没错吧|是这样吗|对不对)|"
    r"(?<!已经)(?<!已)(?:跟|和|与)(?:您|你)确认(?:一下|下)?|(?:内容|信息)[^。!！?？]{0,40}确认(?:一下|下)(?:哦|呢|哈)?\s*$")
# 是需要自己送到自提点的吗: the customer's request put back to them as a question restates it (rule 5).
_ASK_RESTATE = re.compile(r"(?:^|(?<=[\s，,。!！?？亲]))是(?:需要|要|想)(?!什么|哪)[^。!！?？]{2,16}(?:吗|(?<!什)么)")
_ID_ONLY = re.compile(r"这(?:个|两个|几个|款|单)[\u4e00-\u9fff]{0,2}?(?:号)?[，,\s]{0,3}(?:对吗|对吧|是吗|是吧)$")
# The price-protection template checks the agent's own computation, not the customer's facts (rule 6).
_OWN_SUM = re.compile(r"=\s*\[金额x\][^。!！?？]{0,12}?(?:对吗|对吧|是吗)")
# Asking what the customer wants or offering options (rule 1: only about this customer's need).
_VERIFY = re.compile(
    r"(?:您|你)(?:这边)?(?:是|看)?(?:需要|希望|想要|想|要|打算|倾向|选择)?[^。!！?？]{0,24}还是(?!建议|需要|要|会|可以|得|挺|很|比较|蛮)[^。!！?？]{1,24}(?:呢|吗|么|[?？]|$)|"
    r"(?:您|你)(?:是)?(?:需要|想要|想买|想找|要)(?:什么|哪)(?:样|种|个|款)?|"
    r"(?:您|你)(?:是)?(?:需要|想要|想|要)(?:换|改|修改|退|开|买|选|购买)(?:成|为)?(?:什么|哪)|"
    r"(?:售后|服务|发票|退|换|维修)[\u4e00-\u9fff]{0,2}什么(?:的)?(?:呢|嗯|吗|[?？])|什么(?:售后|服务类型|类型的?发票)|"
    r"哪种(?:售后|服务|发票)|这(?:个)?款(?:呢|可以吗|行吗|怎么样|如何|合适吗)|您看(?:这|一下这)(?:个|款)[^。!！?？]{0,8}(?:呢|吗)|"
    r"请问您(?:是)?(?:需要|希望|想要|想)(?!.{0,6}(?:其他|别的|帮助|什么问题|咨询))|"
    r"需要(?:这边|小妹|妹子|我)(?:帮|代替|为|替)(?:您|你)[\u4e00-\u9fff]{1,6}(?:吗|么)|"
    r"是否需要(?:这边|小妹|我)?(?:帮|为|给|替)(?:您|你)|要不要(?:这边|小妹|我)?(?:帮|为|给|替)(?:您|你)|"
    r"(?:您|你)(?:是)?(?:要|想|需要)(?:退|换|取消|修改|补|维修|开)[^，,。!！?？\s]{0,10}(?:吗|呢)[?？]?\s*$|"
    r"(?:您|你)(?:想|要|希望|需要)(?![^。!！?？]{0,12}(?:号码|号|地址|电话))[^。!！?？]{0,10}(?:何时|什么时候|哪天|哪一天|哪种|哪个|几)")
# Facts about this customer's own order, item or address, or a restatement of the request (rule 5).
_FACT = re.compile(
    r"已(?:经)?(?:发出|发货|出库|取消|退款|退货|签收|送达|妥投|到达|到站|揽收|提交|审核|申请成功|成功|拦截|报关|开具|生成|下单|完成|过保|下发|派送|出单|返(?:了|回|还))|"
    r"(?:都|均)是(?:已经?)?(?:下发|发出|发货|签收|取消)|"
    r"已(?:经)?(?:帮|为|给)(?:您|你)[\u4e00-\u9fff]{0,2}?(?:提交|申请|取消|退款|修改|拦截|补发|换开|开具|登记|备注)(?:过|好|成功)?了|"
    r"(?:收货地址|地址|发票抬头|抬头|收货人)(?:是|为|:|：)?\s{0,2}[^\s，,。!！?？\[]{0,6}\[(?:地址|组织机构|姓名)x\]|(?:查询|核实|查看)(?:到|了|后)?(?:这|此|该)(?:是|单|个)|"
    r"还没(?:有)?(?:发货|发出|出库|开具|到|审核|退款)|(?:还|尚)未(?:发货|发出|出库|开具|审核|退款)|"
    # the record or payment of this order as looked up: 没有查询到续费的记录, 您下单的时候金额是[数字x]
    r"(?:没有?|未)(?:查询|查|查看)到[^。!！?？，,]{0,8}(?:记录|信息)|"
    r"(?:下单|支付|购买|付款)(?:的)?(?:时候|时)[^。!！?？，,\[]{0,6}(?:是|用了|金额|价格)\s{0,2}\[(?:数字|金额)x\](?![^。!！?？，,]{0,6}吗)|"
    r"(?:开票|发票|实付)金额(?:是|为)\s{0,2}\[(?:数字|金额)x\]|"
    r"计划妥投|妥投(?:日期|时间)|正在采购|采购(?:返回|回来)|"
    r"(?<!工作日)(?<!小时)(?<!天)(?:发出|发货|出库|取消|退款|申请|拦截|报关|审核|充值|支付|修改|退货|开票|提交|下单|换绑|绑定)(?:已经|已)?(?:成功|通过|完成)(?!后)|"
    r"(?:没|未)(?:有)?(?:成功|通过)|(?:此单|该单|这单|已经|都|现在)?可以?取件|"
    r"(?:已经?|都)(?:超过|超出|过了)[^。!！?？，,]{0,6}(?:周期|期限|时间|天数)|已经?(?:下发|包邮|到账|受理|驳回|关闭|同意)|"
    r"(?<![跟和与给向])(?:站点|配送员|快递员|仓库|商家|厂家|售后)(?:那边)?(?:说|反馈|回复|表示)(?!的是)|"
    r"(?:差价|价保|退款|补偿|运费)(?:金额)?(?:是|为|有)?\[(?:数字|金额)x\]|补(?:您)?\[(?:数字|金额)x\](?:元)?(?:的)?差价|"
    r"(?:您|你)(?:还)?(?:未|没有?)(?:及时)?(?:收到|签收|到货|回复?|接到)|"
    r"(?:在|正在)(?:配送|派送|途|退款|审核|运输|送往)|(?:退款|审核|配送|派送|清关|调货|采购|运输)中|"
    r"预计[^。!！?？，,]{0,20}(?:送达|到达|到货|发货|有货|发出|送到|到)|"
    r"(?<!商品)到(?:达)?(?:了)?站点(?!后|之后|以后)|在卸货|终止取件|分配错|(?:已经?|都)(?:处理好|办好)|(?:一起|一块|一并)[\u4e00-\u9fff]{0,4}(?:发|送|寄)|"
    r"(?:有货|无货)的(?:哦|呢|哈)|(?:不能|无法)保证有货|新运单号|换单|"
    r"显示(?:您|此单|该单|订单|已)?[^。!！?？，,\s]{0,6}(?:取消|签收|发货|出库|到达|配送|派送|完成|退款)|"
    r"查询到[^。!！?？，,]{0,12}(?:是|已|在|有)|"
    r"您(?:的|这个|这边的?)(?:订单|商品|地址|快递|包裹|发票|退款|服务单|账户|账号|会员|优惠券|赠品|货|款项)"
    r"(?![^。!！?？，,]{0,3}号|问题)|"
    r"(?:显示|查到|看到|系统显示|物流显示)[^。!！?？，,]{0,3}(?:是|已|在|有|没有|还)|(?:开具|开)的是(?:电子|纸质|增值税|普通)|"
    r"\[(?:日期|时间)x\][^。!！?？，,]{0,8}(?:送达|到达|发货|发出|配送|签收|出库|审核|退款)|"
    r"(?:快递|包裹|物流|配送员|快递员|站点|仓库|库房)[^。!！?？，,]{0,8}(?:已|在|正在|显示|还没|没有)|再投|"
    r"(?:订单|服务单|退款|物流)?状态(?:是|为|显示)|(?:商家|第三方|厂家|海外|全球购)(?:发货|配送)的(?:商品|订单)|"
    r"(?:今天|明天|后天|今日|明日)[^。!！?？，,\s]{0,6}(?:发货|发出|送到|送达|到达|能到|可以到|就到)|"
    r"(?:可以|能|无法|不能)送达|命中站点|配送范围|价保[^。!！?？]{0,10}(?:成功|通过|失败)|(?:符合|应)价保|申请过|"
    r"调货|采购中|缺货|无货(?!的话)|暂时?没(?:有)?货|(?:显示|是|目前|现在|都)有货|订单(?:已)?生成了|下单成功了|"
    r"(?:看到|查到|查询到|查看到|显示)(?:了)?(?:您的|您这|这个订单|此单|该单)(?!订单号)|"
    r"该[^。!！?？，,\s]{0,8}(?:订单|商品)(?:不能|无法|不支持|可以|是)|"
    r"(?:您的|此单|该单|这单|这个订单)(?![^。!！?？，,]{0,4}号)[^。!！?？，,]{0,10}(?:已|在|预计|不能|无法|显示)|"
    r"(?:此单|该单|这单)要|(?:可以|能)(?:给您)?申请价保|"
    r"(?:(?:您|你)(?:是)?|(?:^|(?<=[\s，,。!！?？亲的])))(?:想|要|需要|希望)(?![^。!！?？]{0,14}还是|[^，,。!！?？\s]{0,4}什么)"
    r"(?:换绑|延迟|延期|更改|修改|改|换|退|取消|补开|开具)|"
    r"(?:您|你)(?:是)?(?:要|想|想要|需要|希望)(?![^，,。!！?？\s]{0,12}(?:号|吗|呢|么))"
    r"(?:换|退|改|修改|取消|开|申请|退款)")
# Echoing the customer's own words in a clause addressed to them (您的耳机左耳没声音 after 耳机左边没声音了) is a
# restatement too; these words are too generic to count as an echo.
_GENERIC = frozenset("""您好 你好 客服 问题 可以 这个 那个 一下 什么 怎么 这边 那边 我们 您的 订单 商品 情况 需要 帮您
请问 谢谢 感谢 麻烦 稍等 时间 处理 已经 现在 还是 就是 没有 不是 如果 然后 因为 所以 知道 一个 的话 是的 好的 这样""".split())
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")
_CLAUSE = re.compile(r"[^\s，,。.！!？?~～…、:：;；]+")
# A refusal or a deflection; short and with no way forward, it is a brush-off (rule 4).
_REFUSAL = re.compile(r"(?<!能)不能|无法|不可以|不支持|查不到|送不到|没办法|做不到|不行|改不了|不了的|不可|没法|"
                      r"(?:我|小妹|妹子|我们|这边)也不(?:知道|清楚)|不清楚的|不确定|不好说|说不准|无法保证|不能保证|没有权限|"
                      r"看不到|不了解|不提供|不一定|估计不了|不知道|(?:到时|届时)(?:候)?才(?:可以|能|会)?(?:知道|确定)|"
                      # what was asked for does not exist or the time limit is past: 没有站点的, 过了时效了
                      r"没有(?:这个|这种|此)?(?:站点|图片|照片|功能|权限|(?:配送员|快递员)?(?:电话|联系方式))|"
                      r"(?:过了|超过|超出|过)(?:时效|期限|有效期)")
_DEFLECT = re.compile(r"第三方|不归我们|不是我们|与我们无关|跟我们没关系|以页面(?:显示)?为准")
_WAY_FORWARD = re.compile(r"(?<!不)(?<!才)可以|建议(?!(?:您|亲)?(?:关注|留意|耐心|等))|只能|重新|换成|改成|或者|预计")
_SHORT = 40
# The layer detectors read at most this many characters of the reply (its start) and of the customer's message
# (its end); service replies are far shorter, and the cap keeps a megabyte of input from costing seconds.
_SCAN_CHARS = 4000
# The customer's message: thanks or "that's all", questions, urgency, complaints and requests (rules 2 and 4).
_CUSTOMER_THANKS = re.compile(r"谢|感谢|thank|thx|3q|辛苦|客气|麻烦(?:你|您)(?:们)?了|没有了|没了|没有啦|没啦|没事了|不用了|可以了|好了|解决了|找到了|"
                              r"明白了|知道了|其他没|其它没|没有其他|没有别的", re.IGNORECASE)
_CUSTOMER_QUESTION = re.compile(r"吗|什么|怎么|多久|几天|几号|哪|为啥|为什么|是否|能不能|可不可以|会不会|有没有|咋|是吧|对吧|是不是|对不对|"
                                r"(?<=[\u4e00-\u9fff])(?:么|没有?)(?=[\s?？。!！，,]|$)")
_CUSTOMER_URGENT = re.compile(r"尽快|快点|快一点|赶快|赶紧|太慢|速度|还没|到现在|急|催|希望|最好|尽可能|尽量|第一时间")
_CUSTOMER_COMPLAINT = re.compile(r"耽误|这么(?:慢|差|久|麻烦|固执|难)|太(?:慢|差|久|麻烦|坑|离谱)|坑人|扯|坏|(?<!出)差(?!价|额)|破|漏|(?<!点)错|不对|晕|无语|郁闷|不行|不能|没(?:有)?(?:收到|到|发|送|货|用|声|反应)|(?<!没)问题|投诉|"
                                 r"怎么回事|不知道|不满|垃圾|骗|慢")
_CUSTOMER_REQUEST = re.compile(r"帮我|我要|我想|请|麻烦|可以吗|能否|\[链接x\]|\[订单x\]|\[地址x\]|订单编号|订单号")


@dataclass(frozen=True, slots=True)
class ReplyAudit:
    """What one agent reply does, with a 0–100 score and the reasons.

    Attributes:
        cognitive: shows it understood this customer: restates the request, or reports the state of their own
            order, item or address (generic policy and timelines do not count).
        affective: accepts the feeling or apologises for the experience.
        action: says concretely what will be done or what the customer can do next.
        confirmation: restates the customer's facts or request to confirm them.
        verify_need: asks what the customer wants or offers options.
        perfunctory: the reply is only fillers (嗯/哦/好的/是的), a closing template or a soothing stall sent
            in reply to an open request, or a brush-off (这是规定, a refusal with no way forward).
        perfunctory_ratio: share of the reply's characters that are filler words.
        blame: phrasing that puts the fault on the customer.
        personal_data: unmasked personal data echoed in the reply.
        score: 0–100 (layers and confirmation add, perfunctory, blame and personal data subtract).
        reasons: what raised or lowered the score.
        evidence: the matched words per detector (only for labels that are on).
        probabilities: the learned audit model's probability per label it decides (empty when the rules alone
            decided: ``use_model=False``).
    """

    cognitive: bool
    affective: bool
    action: bool
    confirmation: bool
    verify_need: bool
    perfunctory: bool
    perfunctory_ratio: float
    blame: bool
    personal_data: bool
    score: int
    reasons: tuple[str, ...] = ()
    evidence: tuple[tuple[str, str], ...] = ()
    probabilities: tuple[tuple[str, float], ...] = ()

    @property
    def layers(self) -> tuple[str, ...]:
        """The empathy layers present, in order (``cognitive``, ``affective``, ``action``)."""
        return tuple(name for name in ("cognitive", "affective", "action") if getattr(self, name))

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict with flat scalars first (one DataFrame row per reply)."""
        return {"score": self.score, "cognitive": self.cognitive, "affective": self.affective,
                "action": self.action, "confirmation": self.confirmation, "verify_need": self.verify_need,
                "perfunctory": self.perfunctory, "perfunctory_ratio": round(self.perfunctory_ratio, 4),
                "blame": self.blame, "personal_data": self.personal_data, "reasons": list(self.reasons),
                "evidence": [list(e) for e in self.evidence],
                "probabilities": {name: round(p, 4) for name, p in self.probabilities}}

    def __repr__(self) -> str:
        return (f"ReplyAudit(score={self.score}, layers={list(self.layers)}, confirmation={self.confirmation}, "
                f"verify_need={self.verify_need}, perfunctory={self.perfunctory})")

    def _repr_html_(self) -> str:
        rows = [("score", str(self.score)), ("layers", ", ".join(self.layers) or "none"),
                ("confirmation", str(self.confirmation)), ("verify need", str(self.verify_need)),
                ("perfunctory", f"{self.perfunctory} ({self.perfunctory_ratio:.0%} filler)")]
        rows += [("reason", r) for r in self.reasons]
        return _html_table("ReplyAudit", rows)


def _bigrams(text: str) -> set[str]:
    grams = {run[i:i + 2] for run in _CJK_RUN.findall(_MASKED.sub(" ", text)) for i in range(len(run) - 1)}
    return grams - _GENERIC


# A clause telling the customer what to do is an instruction, not an echo of their facts.
_INSTRUCTION = re.compile(r"您(?:可以|需要|看下|看一下|先|再)|需要您|建议|请您|麻烦您|辛苦您")


def _echo(customer: str, core: str) -> str:
    """A clause addressed to the customer (您…) that repeats at least two of their content words, or ``""``."""
    words = _bigrams(customer)
    if len(words) < 2:
        return ""
    for clause in _CLAUSE.findall(core):
        if ("您" in clause and "提供" not in clause and not _INSTRUCTION.search(clause)
                and len(_bigrams(clause) & words) >= 2):
            return clause
    return ""


def _customer_state(text: str) -> tuple[bool, bool]:
    """``(open, pressing)`` for the customer's message.

    ``open``: it leaves something for the agent to answer (a question, a complaint, a request, a link or an order
    card), so a bare closing template in reply brushes it off (rule 2); thanks or "that's all" close it.
    ``pressing``: a question, urgency or a complaint, so a reply that only soothes or asks to wait answers nothing.
    """
    if not text.strip():
        return False, False
    question_word = bool(_CUSTOMER_QUESTION.search(text))
    urgent = bool(_CUSTOMER_URGENT.search(text))
    complaint = bool(_CUSTOMER_COMPLAINT.search(text))
    pressing = question_word or urgent or complaint or "?" in text or "？" in text
    thanks = list(_CUSTOMER_THANKS.finditer(text))
    if thanks and not urgent and not question_word and not _CUSTOMER_REQUEST.search(text, thanks[-1].end()):
        return False, pressing
    return pressing or bool(_CUSTOMER_REQUEST.search(text)), pressing


def _perfunctory(core: str, opening: bool, closing: bool, customer: str, action: bool, verify: bool,
                 hello_only: bool = False) -> bool:
    """Rules 2–4 over the reply with its rituals removed (``core``); ``hello_only``: the only opening is 您好."""
    bare = _PUNCT.sub("", _MASKED.sub("", core))
    if not bare and _MASKED.search(core) and not opening and not closing:
        return False                  # only masked tokens: what was said is hidden
    is_open, pressing = _customer_state(customer)
    if not _FILLER_WORDS.sub("", bare):
        if closing:
            return is_open            # a closing template, or 好的 + template, in reply to an open message
        # bare fillers; a greeting template alone is not perfunctory, but a bare 您好 + 在的 (presence only) is
        return not opening or (hello_only and _PRESENCE.search(bare) is not None)
    if not _FILLER_WORDS.sub("", _PUNCT.sub("", _STALL.sub("", _MASKED.sub("", core)))):
        # 非常抱歉 / 请耐心等待 after a question or complaint; a bare 会尽快的 after any open message; a stall
        # after the customer sent the number or card that was asked for
        sent = _MASKED.search(customer) is not None and not _PUNCT.sub("", _MASKED.sub("", customer))
        return pressing or sent or (is_open and not _AFFECTIVE.search(core))
    if action or verify:
        return False
    if (pressing and len(bare) <= _BARE_ANSWER_CHARS and not _MASKED.search(core) and "还是" not in customer
            and not _ASKS_BACK.search(core.strip())):
        new = {ch for ch in bare if "\u4e00" <= ch <= "\u9fff" and ch not in customer and ch not in _ANSWER_CHARS}
        if not new and any("\u4e00" <= ch <= "\u9fff" for ch in bare):
            return True               # 这款是没有的哦 / 有线的 / 不送的哈: a bare yes or no in other words
    if len(bare) > _SHORT or _WAY_FORWARD.search(core):
        return False
    return bool(_REFUSAL.search(core) or _DEFLECT.search(core))


def audit_reply(customer_text: str, agent_reply: str, *, use_model: bool = True) -> ReplyAudit:
    """Audit one agent reply to one customer message.

    Args:
        customer_text: what the customer said (the turn or turns the reply answers); may be empty.
        agent_reply: the agent's reply.
        use_model: let the learned audit model (``data/audit_model.npy``: the reply's character n-grams plus the
            rules' verdicts) decide cognitive, action, confirmation and perfunctory; with ``False``, or if the
            model file is missing, the rules alone decide every label.

    The layer detectors read the first 4,000 characters of the reply and the last 4,000 of the customer's message;
    the guardrails (blame, personal data, brush-offs) read all of the reply.

    Raises:
        TypeError: if either argument is not a str.
    """
    require_text(customer_text)
    require_text(agent_reply)
    simple = to_simplified(agent_reply[:_SCAN_CHARS])
    customer = to_simplified(customer_text[-_SCAN_CHARS:])
    closing = _CLOSING.search(simple) is not None
    after_closing = _CLOSING.sub(" ", simple)
    opening = _OPENING.search(after_closing) is not None
    core = _OPENING.sub(" ", after_closing)
    evidence: list[tuple[str, str]] = []

    def found(name: str, pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
        match = pattern.search(text)
        if match:
            evidence.append((name, match.group().strip()))
        return match

    affective = found("affective", _AFFECTIVE, core) is not None
    action = found("action", _ACTION, _TIMELINE.sub(" ", _ID_REQUEST.sub(" ", core))) is not None
    checked = _OWN_SUM.sub(" ", core)
    restate = _RESTATE_CHECK.search(checked)
    if restate and _ID_ONLY.search(restate.group()):
        restate = None                # "[订单x] 这个订单是吗": an identity check, not a restatement
    if restate:
        evidence.append(("confirmation", restate.group().strip()))
    restated = restate is not None
    confirmation = restated or found("confirmation", _ID_CHECK, checked) is not None
    verify_need = found("verify_need", _VERIFY, core) is not None
    restated = restated or found("cognitive", _ASK_RESTATE, checked) is not None
    cognitive = found("cognitive", _FACT, _ID_REQUEST.sub(" ", core)) is not None or restated
    if not cognitive:
        echo = _echo(customer, core)
        if echo:
            evidence.append(("cognitive", echo))
            cognitive = True
    violations = check_reply(agent_reply, customer_text, min_chars=0, max_chars=10 ** 9)
    rules = {v.rule for v in violations}
    brush_off = any(v.rule == "perfunctory" and v.detail.startswith("a brush-off") for v in violations)
    hello_only = opening and all(_HELLO.fullmatch(m.group()) for m in _OPENING.finditer(after_closing))
    perfunctory = brush_off or _perfunctory(core, opening, closing, customer, action, verify_need, hello_only)
    bare = _PUNCT.sub("", _MASKED.sub("", core))
    filler_chars = sum(len(m.group()) for m in _FILLER_WORDS.finditer(bare))
    ratio = min(1.0, filler_chars / len(bare) if bare else 1.0)
    verdicts = {"cognitive": cognitive, "affective": affective, "action": action, "confirmation": confirmation,
                "verify_need": verify_need, "perfunctory": perfunctory}
    model = AUDIT_MODEL.get() if use_model else None
    probabilities: tuple[tuple[str, float], ...] = ()
    if model is not None:
        probs = model.probabilities(simple, verdicts, ratio)
        probabilities = tuple((name, probs[name]) for name in MODEL_LABELS)
        verdicts.update((name, probs[name] >= THRESHOLD) for name in MODEL_LABELS)
        cognitive, affective, action = verdicts["cognitive"], verdicts["affective"], verdicts["action"]
        confirmation, perfunctory = verdicts["confirmation"], verdicts["perfunctory"]
        evidence = [(name, words) for name, words in evidence if verdicts.get(name, True)]
    blame = "blame" in rules
    personal = "personal_data" in rules
    score = 25 * cognitive + 25 * affective + 30 * action + 10 * confirmation + 10 * verify_need
    reasons = [f"{name} layer present" for name, on in (("cognitive", cognitive), ("affective", affective),
                                                          ("action", action)) if on]
    reasons += [f"{name} layer missing" for name, on in (("cognitive", cognitive), ("affective", affective),
                                                          ("action", action)) if not on]
    if confirmation:
        reasons.append("restates or confirms the customer's facts")
    if verify_need:
        reasons.append("verifies the need")
    if perfunctory:
        score -= 40
        reasons.append("perfunctory: fillers, a ritual or a stall that answers nothing, or a brush-off")
    if blame:
        score -= 30
        reasons.append("blames the customer")
    if personal:
        score -= 30
        reasons.append("echoes unmasked personal data")
    return ReplyAudit(cognitive=cognitive, affective=affective, action=action, confirmation=confirmation,
                      verify_need=verify_need, perfunctory=perfunctory, perfunctory_ratio=ratio,
                      blame=blame, personal_data=personal, score=max(0, min(100, score)), reasons=tuple(reasons),
                      evidence=tuple(evidence), probabilities=probabilities)
