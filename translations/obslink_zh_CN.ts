<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccessReport</name>
    <message>
        <source>case summary (PDF)</source>
        <translation>高危个案小结（PDF）</translation>
    </message>
    <message>
        <source>monthly high-risk register (CSV)</source>
        <translation>高危孕产妇月报登记表（CSV）</translation>
    </message>
    <message>
        <source>fetal heart trace (PDF)</source>
        <translation>胎心监护图（PDF）</translation>
    </message>
    <message>
        <source>ultrasound report (PDF)</source>
        <translation>超声报告（PDF）</translation>
    </message>
    <message>
        <source>referral form (PDF)</source>
        <translation>转诊单（PDF）</translation>
    </message>
    <message>
        <source>referral return slip (PDF)</source>
        <translation>转诊回执单（PDF）</translation>
    </message>
    <message>
        <source>visit slip</source>
        <translation>产检记录单</translation>
    </message>
    <message>
        <source>antenatal record</source>
        <translation>孕产期保健手册记录</translation>
    </message>
    <message>
        <source>records as a FHIR bundle</source>
        <translation>以 FHIR 数据包导出的记录</translation>
    </message>
    <message>
        <source>her access report (PDF)</source>
        <translation>本人访问记录报告（PDF）</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) saved</source>
        <translation>
            <numerusform>保存了 %n 条记录</numerusform>
        </translation>
    </message>
    <message>
        <source>wrong password on the lock screen</source>
        <translation>锁屏时密码错误</translation>
    </message>
    <message>
        <source>password refused</source>
        <translation>密码被拒绝</translation>
    </message>
    <message>
        <source>From %1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <source>the beginning</source>
        <translation>最早</translation>
    </message>
    <message>
        <source>Up to %1</source>
        <translation>截至 %1</translation>
    </message>
    <message>
        <source>Access to her health record</source>
        <translation>个人健康档案访问记录</translation>
    </message>
    <message>
        <source>Woman:</source>
        <translation>孕产妇：</translation>
    </message>
    <message>
        <source>Record:</source>
        <translation>档案号：</translation>
    </message>
    <message>
        <source>Every time her record was opened, changed, exported or printed in the regional obstetric network, as its audit trail keeps it: who, at which clinic, when and what.</source>
        <translation>本报告列出区域产科协作网络审计日志中记录的、您的档案每一次被打开、修改、导出或打印的情况：由谁、在哪家机构、何时、做了什么。</translation>
    </message>
    <message numerus="yes">
        <source>%n clinic(s)</source>
        <translation>
            <numerusform>%n 家机构</numerusform>
        </translation>
    </message>
    <message>
        <source>Nobody has accessed her record in this period.</source>
        <translation>此期间无人访问您的档案。</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Clinic</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Issued by %1 on %2.</source>
        <translation>由 %1 于 %2 出具。</translation>
    </message>
    <message numerus="yes">
        <source>%n audit record(s)</source>
        <translation>
            <numerusform>%n 条审计记录</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n user(s)</source>
        <translation>
            <numerusform>%n 名用户</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AccessReportPdf</name>
    <message>
        <source>Access to her health record</source>
        <translation>个人健康档案访问记录</translation>
    </message>
    <message>
        <source>The access report could not be written to %1.</source>
        <translation>无法将访问记录报告写入 %1。</translation>
    </message>
</context>
<context>
    <name>ActiveRules</name>
    <message>
        <source>Regional rule set %1 (%2): %3</source>
        <translation>地区规则集 %1（%2）：%3</translation>
    </message>
    <message>
        <source>Rule set %1 %2 from %3 needs its own screening form: name its file in %4.</source>
        <translation>来自 %3 的规则集 %1 %2 需要配套的筛查表：请在 %4 中指定其文件。</translation>
    </message>
    <message>
        <source>Screening form %1 (%2) does not fit rule set %3 %4: %5</source>
        <translation>筛查表 %1（%2）与规则集 %3 %4 不匹配：%5</translation>
    </message>
    <message>
        <source>built-in</source>
        <translation>内置</translation>
    </message>
</context>
<context>
    <name>AmendmentHistory</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>修订人</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>修订内容</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1：%2 → %3</translation>
    </message>
</context>
<context>
    <name>AntenatalRecordSheet</name>
    <message>
        <source>Antenatal record</source>
        <translation>产前检查记录</translation>
    </message>
    <message>
        <source>antenatal record %1.pdf</source>
        <translation>产前检查记录 %1.pdf</translation>
    </message>
    <message>
        <source>Current risk grade:</source>
        <translation>目前妊娠风险分级：</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>GA</source>
        <translation>孕周</translation>
    </message>
    <message>
        <source>BP</source>
        <translation>血压</translation>
    </message>
    <message>
        <source>Pulse</source>
        <translation>脉搏</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>体重</translation>
    </message>
    <message>
        <source>Fundal height</source>
        <translation>宫高</translation>
    </message>
    <message>
        <source>Girth</source>
        <translation>腹围</translation>
    </message>
    <message>
        <source>Fetal heart</source>
        <translation>胎心率</translation>
    </message>
    <message>
        <source>Presentation</source>
        <translation>胎位</translation>
    </message>
    <message>
        <source>Oedema</source>
        <translation>水肿</translation>
    </message>
    <message>
        <source>Urine protein</source>
        <translation>尿蛋白</translation>
    </message>
    <message>
        <source>Advice</source>
        <translation>处理及建议</translation>
    </message>
    <message>
        <source>Next appointment</source>
        <translation>下次预约</translation>
    </message>
    <message>
        <source>Examiner</source>
        <translation>检查者</translation>
    </message>
    <message>
        <source>No antenatal visit recorded yet.</source>
        <translation>尚无产前检查记录。</translation>
    </message>
    <message numerus="yes">
        <source>Printed %1, %n visit(s)</source>
        <translation>
            <numerusform>打印日期 %1，共 %n 次检查</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AttachmentStore</name>
    <message>
        <source>There is no such attachment for you at the center.</source>
        <translation>中心没有您可访问的此附件。</translation>
    </message>
    <message>
        <source>An attachment is named by 64 lower-case hexadecimal digits.</source>
        <translation>附件以64位小写十六进制数字命名。</translation>
    </message>
    <message>
        <source>The chunk does not fit inside the attachment&apos;s declared size.</source>
        <translation>该分块超出了附件声明的大小。</translation>
    </message>
    <message>
        <source>An attachment may not be larger than %1 bytes.</source>
        <translation>附件不得大于 %1 字节。</translation>
    </message>
    <message>
        <source>A chunk may not be larger than %1 bytes.</source>
        <translation>分块不得大于 %1 字节。</translation>
    </message>
    <message>
        <source>The chunk&apos;s bytes do not match the digest sent with them; it was not kept. Send it again.</source>
        <translation>该分块的内容与随附的摘要不符，未予保存。请重新发送。</translation>
    </message>
    <message>
        <source>The upload under way has another size; start again at offset 0.</source>
        <translation>进行中的上传大小不同；请从偏移量0重新开始。</translation>
    </message>
    <message>
        <source>This upload starts at offset 0.</source>
        <translation>此上传须从偏移量0开始。</translation>
    </message>
    <message>
        <source>Your clinic has %1 uploads under way; finish them first.</source>
        <translation>贵机构已有 %1 个上传正在进行；请先完成它们。</translation>
    </message>
    <message>
        <source>The center has %1 bytes of this upload; continue from there.</source>
        <translation>中心已收到此上传的 %1 字节；请从该处继续。</translation>
    </message>
    <message>
        <source>Another request moved this upload on; ask where it stands.</source>
        <translation>另一请求已推进此上传；请查询其当前进度。</translation>
    </message>
    <message>
        <source>The uploaded bytes do not match the attachment&apos;s SHA-256; nothing was kept. Upload it again from the start.</source>
        <translation>上传的内容与附件的SHA-256不符，未保存任何内容。请从头重新上传。</translation>
    </message>
    <message>
        <source>Ask for at least one byte at an offset of 0 or more.</source>
        <translation>请从不小于0的偏移量请求至少一个字节。</translation>
    </message>
    <message>
        <source>The attachment has only %1 bytes.</source>
        <translation>该附件只有 %1 字节。</translation>
    </message>
    <message>
        <source>A stored attachment is incomplete.</source>
        <translation>已存储的附件不完整。</translation>
    </message>
</context>
<context>
    <name>AuditActions</name>
    <message>
        <source>Chart opened</source>
        <translation>打开病历</translation>
    </message>
    <message>
        <source>Record edited</source>
        <translation>修改记录</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Read through a referral</source>
        <translation>经转诊查阅</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <translation>登录失败</translation>
    </message>
    <message>
        <source>User changed</source>
        <translation>用户变更</translation>
    </message>
    <message>
        <source>Role changed</source>
        <translation>角色变更</translation>
    </message>
</context>
<context>
    <name>AuditChain</name>
    <message>
        <source>Entry %1 follows entry %2: the entries between are missing.</source>
        <translation>第 %1 条紧接第 %2 条：中间的记录缺失。</translation>
    </message>
    <message>
        <source>Entry %1 does not follow the entry before it.</source>
        <translation>第 %1 条与前一条不衔接。</translation>
    </message>
    <message>
        <source>Entry %1 was changed after it was written.</source>
        <translation>第 %1 条写入后被修改过。</translation>
    </message>
</context>
<context>
    <name>AuditSearchDialog</name>
    <message>
        <source>Only between</source>
        <translation>仅限</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>查询(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Print her access report…</source>
        <translation>打印本人访问记录报告(&amp;P)…</translation>
    </message>
    <message>
        <source>Audit trail of the region</source>
        <translation>区域审计日志</translation>
    </message>
    <message>
        <source>patient id: her records, and nobody else&apos;s</source>
        <translation>患者 ID：只查她本人的记录</translation>
    </message>
    <message>
        <source>user name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>clinic id</source>
        <translation>机构 ID</translation>
    </message>
    <message>
        <source>and</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Woman:</source>
        <translation>孕产妇：</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>用户：</translation>
    </message>
    <message>
        <source>Clinic:</source>
        <translation>机构：</translation>
    </message>
    <message>
        <source>Time:</source>
        <translation>时间：</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Clinic</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>Workstation</source>
        <translation>工作站</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Woman</source>
        <translation>孕产妇</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>The period ends before it begins.</source>
        <translation>结束日期早于开始日期。</translation>
    </message>
    <message>
        <source>Searching at the regional center…</source>
        <translation>正在区域中心查询…</translation>
    </message>
    <message>
        <source>The center&apos;s answer could not be read.</source>
        <translation>无法读取中心的答复。</translation>
    </message>
    <message>
        <source>Access report saved to %1</source>
        <translation>访问记录报告已保存到 %1</translation>
    </message>
    <message>
        <source>Save her access report</source>
        <translation>保存本人访问记录报告</translation>
    </message>
    <message>
        <source>access-report.pdf</source>
        <translation>访问记录报告.pdf</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message numerus="yes">
        <source>%n audit record(s) found.</source>
        <translation>
            <numerusform>找到 %n 条审计记录。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AuditStore</name>
    <message>
        <source>A workstation uploads the audit trail of its own clinic only.</source>
        <translation>工作站只能上传本机构的审计记录。</translation>
    </message>
    <message>
        <source>Audit entry %1 of this workstation differs from the one the center holds: entries are never rewritten.</source>
        <translation>此工作站的第 %1 条审计记录与中心保存的不一致：审计记录不得改写。</translation>
    </message>
    <message>
        <source>The center&apos;s own audit chain is written by the center only.</source>
        <translation>中心自身的审计链只能由中心写入。</translation>
    </message>
</context>
<context>
    <name>AuditWire</name>
    <message>
        <source>An audit entry has other fields than expected.</source>
        <translation>审计记录含有意外的字段。</translation>
    </message>
    <message>
        <source>The audit entry&apos;s %1 is missing or not valid.</source>
        <translation>审计记录的 %1 缺失或无效。</translation>
    </message>
    <message>
        <source>An audit entry is not valid (seq, time, action, id or hash).</source>
        <translation>审计记录无效（序号、时间、操作、标识或哈希）。</translation>
    </message>
    <message>
        <source>The audit upload is not a JSON object.</source>
        <translation>审计上传内容不是 JSON 对象。</translation>
    </message>
    <message>
        <source>The audit upload needs its workstation and its entries, and nothing else.</source>
        <translation>审计上传只能包含工作站和记录两项。</translation>
    </message>
    <message>
        <source>An audit upload carries at most %1 entries.</source>
        <translation>每次审计上传最多 %1 条记录。</translation>
    </message>
    <message>
        <source>An audit entry is not a JSON object.</source>
        <translation>审计记录不是 JSON 对象。</translation>
    </message>
    <message>
        <source>An audit entry names another workstation than its upload.</source>
        <translation>审计记录所属工作站与上传不一致。</translation>
    </message>
</context>
<context>
    <name>BackgroundSync</name>
    <message>
        <source>Signed out of the regional center on this computer.</source>
        <translation>已在本机退出区域中心登录。</translation>
    </message>
    <message>
        <source>Sign in to the regional center to sync (Settings → Regional center).</source>
        <translation>请登录区域中心以进行同步（设置 → 区域中心）。</translation>
    </message>
    <message>
        <source>Sign in to the regional center to fetch it (Settings → Regional center).</source>
        <translation>请先登录区域中心再获取（设置 → 区域中心）。</translation>
    </message>
    <message>
        <source>This workstation is not linked to a regional center (Settings → Regional center).</source>
        <translation>本工作站未连接区域中心（设置 → 区域中心）。</translation>
    </message>
    <message>
        <source>The regional center does not have it for this clinic: it may not have been sent yet, or the woman has not been referred here.</source>
        <translation>区域中心没有可供本机构读取的这份数据：可能尚未上传，或该孕妇尚未转诊到本机构。</translation>
    </message>
</context>
<context>
    <name>BiometryMeasures</name>
    <message>
        <source>Biparietal diameter</source>
        <translation>双顶径</translation>
    </message>
    <message>
        <source>Head circumference</source>
        <translation>头围</translation>
    </message>
    <message>
        <source>Abdominal circumference</source>
        <translation>腹围</translation>
    </message>
    <message>
        <source>Femur length</source>
        <translation>股骨长</translation>
    </message>
    <message>
        <source>Crown–rump length</source>
        <translation>头臀长</translation>
    </message>
    <message>
        <source>Nuchal translucency</source>
        <translation>颈项透明层厚度</translation>
    </message>
    <message>
        <source>%1 of %2 mm is outside %3–%4 mm, the range its formulas hold for: check the calliper placement.</source>
        <translation>%1 为 %2 mm，超出公式适用范围 %3–%4 mm：请检查测量游标的位置。</translation>
    </message>
</context>
<context>
    <name>BiometryPanel</name>
    <message>
        <source>These images are of this woman</source>
        <translation>确认这些图像属于该孕妇</translation>
    </message>
    <message>
        <source>&amp;Save to pregnancy</source>
        <translation>保存到本次妊娠(&amp;S)</translation>
    </message>
    <message>
        <source>Use to &amp;date the pregnancy…</source>
        <translation>用于核定孕周(&amp;D)…</translation>
    </message>
    <message>
        <source>Confirm the new dating</source>
        <translation>确认新的孕周核定</translation>
    </message>
    <message>
        <source>%1: draw it on the image (%2)</source>
        <translation>%1：在图像上测量（%2）</translation>
    </message>
    <message>
        <source>ellipse: drag along one axis, then move to fit the outline and click</source>
        <translation>椭圆：沿一条轴拖动，再移动鼠标贴合轮廓后单击</translation>
    </message>
    <message>
        <source>distance: drag from one calliper to the other</source>
        <translation>距离：从一个测量点拖到另一个测量点</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>测量项</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>测量值</translation>
    </message>
    <message>
        <source>GA implied</source>
        <translation>对应孕周</translation>
    </message>
    <message>
        <source>Delete removes the selected value</source>
        <translation>按 Delete 键删除所选测量值</translation>
    </message>
    <message>
        <source>GA by ultrasound:</source>
        <translation>超声孕周：</translation>
    </message>
    <message>
        <source>Estimated fetal weight:</source>
        <translation>估计胎儿体重：</translation>
    </message>
    <message>
        <source>Pregnancy record</source>
        <translation>妊娠记录</translation>
    </message>
    <message>
        <source>Exam date:</source>
        <translation>检查日期：</translation>
    </message>
    <message>
        <source>Choose a measure, then draw it on the image:</source>
        <translation>选择测量项，然后在图像上测量：</translation>
    </message>
    <message>
        <source>Saves to the pregnancy of %1</source>
        <translation>保存到 %1 的本次妊娠</translation>
    </message>
    <message>
        <source>Not linked to a pregnancy: open the images from a woman&apos;s chart (Ultrasound tab) to save the biometry to her record.</source>
        <translation>未关联妊娠记录：请从孕妇档案的“超声”页打开图像，才能把生物测量保存到她的记录中。</translation>
    </message>
    <message>
        <source>These images carry no patient ID: make sure they are of %1 before saving.</source>
        <translation>这些图像没有患者 ID：保存前请确认图像属于 %1。</translation>
    </message>
    <message>
        <source>These images are of patient ID %1, not %2 (ID %3).</source>
        <translation>这些图像的患者 ID 为 %1，不是 %2（ID %3）。</translation>
    </message>
    <message>
        <source>%1 mm</source>
        <translation>%1 mm</translation>
    </message>
    <message>
        <source>not for dating</source>
        <translation>不用于核定孕周</translation>
    </message>
    <message>
        <source>%1 g · %2</source>
        <translation>%1 g · %2</translation>
    </message>
    <message>
        <source>— needs AC and FL</source>
        <translation>— 需要 AC 和 FL</translation>
    </message>
    <message>
        <source>%1 weeks · %2</source>
        <translation>%1 周 · %2</translation>
    </message>
    <message>
        <source>— needs CRL, or BPD, HC, AC, FL</source>
        <translation>— 需要 CRL，或 BPD、HC、AC、FL</translation>
    </message>
    <message>
        <source>NT is assessed at CRL 45–84 mm (11+0 to 13+6); measure the CRL.</source>
        <translation>NT 应在头臀长 45–84 mm（11+0 至 13+6 周）时评估；请测量头臀长。</translation>
    </message>
    <message>
        <source>NT of 3.5 mm or more is above the 99th centile: refer for counselling.</source>
        <translation>NT ≥ 3.5 mm 高于第 99 百分位：请转诊进行遗传咨询。</translation>
    </message>
    <message>
        <source>Saved to the pregnancy: exam of %1.</source>
        <translation>已保存到本次妊娠：%1 的检查。</translation>
    </message>
    <message>
        <source>The pregnancy is no longer in the record.</source>
        <translation>该妊娠记录已不存在。</translation>
    </message>
    <message>
        <source>EDD %1 → %2.</source>
        <translation>预产期 %1 → %2。</translation>
    </message>
    <message>
        <source>EDD stays %1.</source>
        <translation>预产期不变，仍为 %1。</translation>
    </message>
    <message>
        <source>Dated by this ultrasound: the EDD is now %1.</source>
        <translation>已按本次超声核定孕周：预产期现为 %1。</translation>
    </message>
    <message>
        <source>The EDD by LMP stands (%1); the scan is kept as the dating ultrasound.</source>
        <translation>预产期仍按末次月经计算（%1）；本次超声记录为核定孕周的超声。</translation>
    </message>
    <message>
        <source>%1, fetus %2</source>
        <translation>%1，胎儿 %2</translation>
    </message>
    <message>
        <source>%1 from the machine: %2.</source>
        <translation>%1 来自超声仪：%2。</translation>
    </message>
    <message>
        <source>The machine&apos;s own EFW: %1 g.</source>
        <translation>超声仪自己估算的胎儿体重：%1 g。</translation>
    </message>
</context>
<context>
    <name>BlobStore</name>
    <message>
        <source>An attachment is named by 64 lower-case hexadecimal digits.</source>
        <translation>附件以64位小写十六进制数字命名。</translation>
    </message>
    <message>
        <source>This attachment has not reached the regional center completely yet.</source>
        <translation>此附件尚未完整到达区域中心。</translation>
    </message>
    <message>
        <source>The attachment keeps arriving damaged; try again later.</source>
        <translation>附件多次传输损坏；请稍后再试。</translation>
    </message>
    <message>
        <source>The downloaded attachment does not match its SHA-256 and was thrown away; it will be fetched again.</source>
        <translation>下载的附件与其SHA-256不符，已丢弃；将重新获取。</translation>
    </message>
</context>
<context>
    <name>CaseAmendmentDialog</name>
    <message>
        <source>Amend the closed case</source>
        <translation>修订已结案专案</translation>
    </message>
    <message>
        <source>Why the closure is corrected, and on whose information</source>
        <translation>更正原因及信息来源</translation>
    </message>
    <message>
        <source>&amp;Field:</source>
        <translation>项目(&amp;F)：</translation>
    </message>
    <message>
        <source>Now:</source>
        <translation>现值：</translation>
    </message>
    <message>
        <source>&amp;New value:</source>
        <translation>新值(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <source>Amendments so far:</source>
        <translation>既往修订：</translation>
    </message>
    <message>
        <source>&amp;Save the amendment</source>
        <translation>保存修订(&amp;S)</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>weeks+days, e.g. 38+2</source>
        <translation>周+天，如 38+2</translation>
    </message>
    <message>
        <source>The new value is the same as the recorded one.</source>
        <translation>新值与已记录的值相同。</translation>
    </message>
    <message>
        <source>Give the reason for the amendment.</source>
        <translation>请填写更正理由。</translation>
    </message>
</context>
<context>
    <name>CaseClosureDialog</name>
    <message>
        <source>Newborns</source>
        <translation>新生儿</translation>
    </message>
    <message>
        <source>Close the case (outcome) — %1</source>
        <translation>结案转归 — %1</translation>
    </message>
    <message>
        <source>&amp;How the pregnancy ended:</source>
        <translation>妊娠结局(&amp;H)：</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <source>weeks+days, e.g. 38+2</source>
        <translation>周+天，如 38+2</translation>
    </message>
    <message>
        <source>Gestational age:</source>
        <translation>孕周：</translation>
    </message>
    <message>
        <source>Mode of delivery:</source>
        <translation>分娩方式：</translation>
    </message>
    <message>
        <source>hospital name</source>
        <translation>医院名称</translation>
    </message>
    <message>
        <source>Place of delivery:</source>
        <translation>分娩地点：</translation>
    </message>
    <message>
        <source>Hospital level:</source>
        <translation>医院级别：</translation>
    </message>
    <message>
        <source>Maternal outcome:</source>
        <translation>孕产妇结局：</translation>
    </message>
    <message>
        <source>Complications:</source>
        <translation>并发症：</translation>
    </message>
    <message>
        <source>Transferred to:</source>
        <translation>转往：</translation>
    </message>
    <message>
        <source>Reason or cause:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <source>Blood loss:</source>
        <translation>出血量：</translation>
    </message>
    <message>
        <source>mL</source>
        <translation>mL</translation>
    </message>
    <message>
        <source>&amp;Add a newborn (twins)</source>
        <translation>增加新生儿（双胎）(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Remove the last newborn</source>
        <translation>删除最后一个新生儿(&amp;R)</translation>
    </message>
    <message>
        <source>42-day postpartum check on:</source>
        <translation>产后42天检查日期：</translation>
    </message>
    <message>
        <source>Postpartum check findings:</source>
        <translation>产后检查所见：</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>A closed case can no longer be edited; later corrections are amendments with a reason.</source>
        <translation>结案后不能再编辑；以后的更正须作为修订并注明原因。</translation>
    </message>
    <message>
        <source>&amp;Close the case</source>
        <translation>结案(&amp;C)</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <source>not entered</source>
        <translation>未填写</translation>
    </message>
    <message>
        <source>Newborn %1</source>
        <translation>新生儿 %1</translation>
    </message>
    <message>
        <source>Sex:</source>
        <translation>性别：</translation>
    </message>
    <message>
        <source>Birth weight:</source>
        <translation>出生体重：</translation>
    </message>
    <message>
        <source>g</source>
        <translation>g</translation>
    </message>
    <message>
        <source>1 min</source>
        <translation>1分钟</translation>
    </message>
    <message>
        <source>0–10</source>
        <translation>0–10</translation>
    </message>
    <message>
        <source>5 min</source>
        <translation>5分钟</translation>
    </message>
    <message>
        <source>Apgar score:</source>
        <translation>阿氏评分：</translation>
    </message>
    <message>
        <source>Outcome:</source>
        <translation>结局：</translation>
    </message>
</context>
<context>
    <name>CaseDashboard</name>
    <message>
        <source>Red</source>
        <translation>红色</translation>
    </message>
    <message>
        <source>Orange</source>
        <translation>橙色</translation>
    </message>
    <message>
        <source>Yellow</source>
        <translation>黄色</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>绿色</translation>
    </message>
    <message>
        <source>Purple</source>
        <translation>紫色</translation>
    </message>
    <message>
        <source>First grade</source>
        <translation>首次评估</translation>
    </message>
    <message>
        <source>Not graded</source>
        <translation>未评估</translation>
    </message>
    <message>
        <source>%1 + purple</source>
        <translation>%1 + 紫色</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>No nurse</source>
        <translation>未指定护士</translation>
    </message>
</context>
<context>
    <name>CaseDashboardView</name>
    <message>
        <source>Click a bar to list the women behind it</source>
        <translation>点击柱形查看对应孕产妇名单</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Click a bar to see the women behind it.</source>
        <translation>点击柱形查看对应孕产妇名单。</translation>
    </message>
    <message>
        <source>Current pregnancies by risk color</source>
        <translation>在管孕妇风险颜色分布</translation>
    </message>
    <message>
        <source>Color changes this month</source>
        <translation>本月风险颜色变化</translation>
    </message>
    <message>
        <source>Overdue follow-ups by responsible nurse</source>
        <translation>各责任护士逾期随访数</translation>
    </message>
    <message>
        <source>Cases closed this year, by outcome</source>
        <translation>本年结案转归</translation>
    </message>
    <message>
        <source>%1 — none</source>
        <translation>%1 — 无</translation>
    </message>
    <message>
        <source>EDD</source>
        <translation>预产期</translation>
    </message>
    <message>
        <source>Graded on</source>
        <translation>评估日期</translation>
    </message>
    <message>
        <source>Contact was due</source>
        <translation>应随访日期</translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation>结案日期</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>CaseFileView</name>
    <message>
        <source>&amp;Open a case file</source>
        <translation>建立专案(&amp;O)</translation>
    </message>
    <message>
        <source>Responsibility and plan</source>
        <translation>责任人与管理计划</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Report to the district MCH institution</source>
        <translation>上报区（县）妇幼保健机构</translation>
    </message>
    <message>
        <source>&amp;Mark reported</source>
        <translation>标记已上报(&amp;M)</translation>
    </message>
    <message>
        <source>Follow-up plan</source>
        <translation>随访计划</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>应随访日期</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>随访方式</translation>
    </message>
    <message>
        <source>Done on</source>
        <translation>随访日期</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>转归</translation>
    </message>
    <message>
        <source>Findings, interventions, advice</source>
        <translation>所见、干预、指导</translation>
    </message>
    <message>
        <source>&amp;Record a contact…</source>
        <translation>登记随访(&amp;R)…</translation>
    </message>
    <message>
        <source>Closure (outcome)</source>
        <translation>结案转归</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>测量值</translation>
    </message>
    <message>
        <source>&amp;Close the case…</source>
        <translation>结案(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Amend…</source>
        <translation>修订(&amp;A)…</translation>
    </message>
    <message>
        <source>Not decided</source>
        <translation>未定</translation>
    </message>
    <message>
        <source>Responsible &amp;doctor:</source>
        <translation>责任医生(&amp;D)：</translation>
    </message>
    <message>
        <source>Responsible &amp;nurse:</source>
        <translation>责任护士(&amp;N)：</translation>
    </message>
    <message>
        <source>Management &amp;plan:</source>
        <translation>管理计划(&amp;P)：</translation>
    </message>
    <message>
        <source>Deliver at:</source>
        <translation>拟分娩医院：</translation>
    </message>
    <message>
        <source>Reported on:</source>
        <translation>上报日期：</translation>
    </message>
    <message>
        <source>Amendments (who, when, what and why):</source>
        <translation>修订记录（修订人、时间、内容、原因）：</translation>
    </message>
    <message>
        <source>Open a woman&apos;s chart to see her case file.</source>
        <translation>打开孕妇档案以查看其专案。</translation>
    </message>
    <message>
        <source>No case file for this pregnancy (%1). Orange, red and purple grades open one when a clinician decides the grade; a nurse may open one herself.</source>
        <translation>本次妊娠尚无专案（%1）。橙色、红色、紫色经医生确认分级后自动建立专案；护士也可手动建立。</translation>
    </message>
    <message>
        <source>Case open since %1 — %2</source>
        <translation>专案管理中，自 %1 起 — %2</translation>
    </message>
    <message>
        <source>Case closed on %1 — %2. Read-only: correct it with an amendment.</source>
        <translation>已于 %1 结案 — %2。只读：如需更正请修订。</translation>
    </message>
    <message>
        <source>Her color requires delivery at a %1 hospital or higher.</source>
        <translation>按其风险颜色须在%1或以上医院分娩。</translation>
    </message>
    <message>
        <source>Not required for this color.</source>
        <translation>该颜色无需上报。</translation>
    </message>
    <message>
        <source>Reported on %1.</source>
        <translation>已于 %1 上报。</translation>
    </message>
    <message numerus="yes">
        <source>Due: report by %1 (%n day(s) left).</source>
        <translation>
            <numerusform>待上报：请于 %1 前上报（剩 %n 天）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Overdue: was due %1 (3-day rule), %n day(s) late.</source>
        <translation>
            <numerusform>逾期未上报：应于 %1 前上报（3日内上报），已逾期 %n 天。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Lost to follow-up (%n day(s) late)</source>
        <translation>
            <numerusform>失访（逾期 %n 天）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Overdue (%n day(s) late)</source>
        <translation>
            <numerusform>逾期（%n 天）</numerusform>
        </translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>待随访</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>检查发现</translation>
    </message>
    <message>
        <source>Interventions</source>
        <translation>干预措施</translation>
    </message>
    <message>
        <source>Advice</source>
        <translation>指导意见</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Record the scheduled contact and plan the next one</source>
        <translation>登记本次随访并预约下次随访</translation>
    </message>
    <message>
        <source>Record an unscheduled contact</source>
        <translation>登记计划外随访</translation>
    </message>
    <message>
        <source>How the pregnancy ended</source>
        <translation>妊娠结局</translation>
    </message>
    <message>
        <source>Not reported before the case was closed.</source>
        <translation>结案前未上报。</translation>
    </message>
</context>
<context>
    <name>CaseLifecycle</name>
    <message>
        <source>This case is closed: contacts can no longer be recorded.</source>
        <translation>此专案已结案：不能再记录随访。</translation>
    </message>
    <message>
        <source>This contact has already been recorded.</source>
        <translation>此次随访已记录。</translation>
    </message>
    <message>
        <source>The contact date must be between the opening of the case and today.</source>
        <translation>随访日期必须在建档日期与今天之间。</translation>
    </message>
    <message>
        <source>Record the outcome of the contact.</source>
        <translation>请记录随访结果。</translation>
    </message>
    <message>
        <source>The next contact must be after this one.</source>
        <translation>下次随访必须晚于本次随访。</translation>
    </message>
    <message>
        <source>The report date must be between the opening of the case and today.</source>
        <translation>上报日期必须在建档日期与今天之间。</translation>
    </message>
    <message>
        <source>This case is closed.</source>
        <translation>此专案已结案。</translation>
    </message>
    <message>
        <source>This case is already closed; change it through an amendment with a reason.</source>
        <translation>此专案已结案；如需修改，请填写理由进行更正。</translation>
    </message>
    <message>
        <source>Only a closed case is amended; edit an open case directly.</source>
        <translation>只有已结案的专案需要更正；未结案的专案可直接修改。</translation>
    </message>
    <message>
        <source>Give the reason for the amendment.</source>
        <translation>请填写更正理由。</translation>
    </message>
</context>
<context>
    <name>CaseManagement</name>
    <message>
        <source>This case file no longer exists.</source>
        <translation>此专案档案已不存在。</translation>
    </message>
    <message>
        <source>This pregnancy already has an open case file.</source>
        <translation>本次妊娠已有未结案的专案。</translation>
    </message>
    <message>
        <source>This case is closed; change it through an amendment.</source>
        <translation>此专案已结案；请通过更正修改。</translation>
    </message>
    <message>
        <source>Her risk color requires delivery at a %1 hospital or higher.</source>
        <translation>按其风险颜色须在%1或以上医院分娩。</translation>
    </message>
</context>
<context>
    <name>CaseOutcomeValidator</name>
    <message>
        <source>Enter the date of the outcome.</source>
        <translation>请输入转归日期。</translation>
    </message>
    <message>
        <source>The outcome date is in the future.</source>
        <translation>转归日期晚于今天。</translation>
    </message>
    <message>
        <source>The outcome date is before this pregnancy.</source>
        <translation>转归日期早于本次妊娠。</translation>
    </message>
    <message>
        <source>Enter the gestational age at delivery (20+0 to 45+0 weeks).</source>
        <translation>请输入分娩孕周（20+0 至 45+0 周）。</translation>
    </message>
    <message>
        <source>Choose the mode of delivery.</source>
        <translation>请选择分娩方式。</translation>
    </message>
    <message>
        <source>Enter where she delivered.</source>
        <translation>请输入分娩地点。</translation>
    </message>
    <message>
        <source>Choose the level of the delivery hospital.</source>
        <translation>请选择分娩医院级别。</translation>
    </message>
    <message>
        <source>Choose the maternal outcome.</source>
        <translation>请选择产妇结局。</translation>
    </message>
    <message>
        <source>Describe the complications.</source>
        <translation>请描述并发症。</translation>
    </message>
    <message>
        <source>Enter the blood loss (0–10,000 mL).</source>
        <translation>请输入出血量（0–10,000 毫升）。</translation>
    </message>
    <message>
        <source>Enter at least one newborn.</source>
        <translation>请至少录入一名新生儿。</translation>
    </message>
    <message>
        <source>Newborn %1: </source>
        <translation>新生儿 %1：</translation>
    </message>
    <message>
        <source>choose the sex.</source>
        <translation>请选择性别。</translation>
    </message>
    <message>
        <source>enter the birth weight (300–6,500 g).</source>
        <translation>请输入出生体重（300–6,500 克）。</translation>
    </message>
    <message>
        <source>choose the outcome.</source>
        <translation>请选择结局。</translation>
    </message>
    <message>
        <source>enter the Apgar scores at 1 and 5 minutes (0–10).</source>
        <translation>请输入 1 分钟和 5 分钟 Apgar 评分（0–10）。</translation>
    </message>
    <message>
        <source>Enter the date of the 42-day postpartum check (at least 28 days after delivery).</source>
        <translation>请输入产后 42 天检查日期（分娩后至少 28 天）。</translation>
    </message>
    <message>
        <source>Enter the gestational age of the miscarriage (before 28+0 weeks).</source>
        <translation>请输入流产孕周（28+0 周以前）。</translation>
    </message>
    <message>
        <source>Enter the gestational age at termination.</source>
        <translation>请输入终止妊娠时的孕周。</translation>
    </message>
    <message>
        <source>Enter the reason for the termination.</source>
        <translation>请输入终止妊娠的原因。</translation>
    </message>
    <message>
        <source>Enter where she was transferred to.</source>
        <translation>请输入转往的机构。</translation>
    </message>
    <message>
        <source>Enter the cause of death.</source>
        <translation>请输入死亡原因。</translation>
    </message>
</context>
<context>
    <name>CaseSettings</name>
    <message>
        <source>The case settings file %1 cannot be read.</source>
        <translation>无法读取专案管理设置文件 %1。</translation>
    </message>
    <message>
        <source>The case settings are not valid JSON: %1</source>
        <translation>专案管理设置不是有效的 JSON：%1</translation>
    </message>
    <message>
        <source>Case setting %1 must be a whole number of days between 0 and 365.</source>
        <translation>专案设置 %1 必须是 0 到 365 之间的整数天数。</translation>
    </message>
    <message>
        <source>The follow-up interval for %1 must be between 1 and 180 days.</source>
        <translation>%1 的随访间隔必须在 1 到 180 天之间。</translation>
    </message>
    <message>
        <source>Escalation must come after the grace period: grace ≤ doctor ≤ district days.</source>
        <translation>升级上报必须在宽限期之后：宽限天数 ≤ 医生天数 ≤ 区级天数。</translation>
    </message>
    <message>
        <source>primary</source>
        <translation>一级</translation>
    </message>
    <message>
        <source>secondary</source>
        <translation>二级</translation>
    </message>
    <message>
        <source>tertiary</source>
        <translation>三级</translation>
    </message>
    <message>
        <source>The delivery hospital level for %1 must be primary, secondary or tertiary.</source>
        <translation>%1 的分娩医院级别须为一级、二级或三级。</translation>
    </message>
</context>
<context>
    <name>CaseSummaryPdf</name>
    <message>
        <source>High-risk case summary</source>
        <translation>高危专案小结</translation>
    </message>
    <message>
        <source>Record no. %1</source>
        <translation>病历号 %1</translation>
    </message>
    <message>
        <source>Born %1</source>
        <translation>出生日期 %1</translation>
    </message>
    <message>
        <source>G%1 P%2, EDD %3</source>
        <translation>孕%1 产%2，预产期 %3</translation>
    </message>
    <message>
        <source>Case opened %1 at %2; responsible doctor %3, nurse %4; report due %5, reported %6.</source>
        <translation>专案建立于 %1，风险分级 %2；责任医生 %3，责任护士 %4；应上报日期 %5，上报日期 %6。</translation>
    </message>
    <message>
        <source>Management plan:</source>
        <translation>管理计划：</translation>
    </message>
    <message>
        <source>Risk grades</source>
        <translation>风险分级</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>GA</source>
        <translation>孕周</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>分级</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>决定人</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Follow-up contacts</source>
        <translation>随访记录</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>应随访日期</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>实际随访日期</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>转归</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>检查发现</translation>
    </message>
    <message>
        <source>Interventions</source>
        <translation>干预措施</translation>
    </message>
    <message>
        <source>Advice</source>
        <translation>指导意见</translation>
    </message>
    <message>
        <source>%1 on %2 at %3 (%4); mode %5; blood loss %6 mL; mother: %7 %8</source>
        <translation>%1：%2 于 %3（孕 %4）；分娩方式 %5；出血量 %6 毫升；产妇：%7 %8</translation>
    </message>
    <message>
        <source>Newborn: %1, %2 g, Apgar %3/%4, %5</source>
        <translation>新生儿：%1，%2 克，Apgar %3/%4，%5</translation>
    </message>
    <message>
        <source>The case is still open.</source>
        <translation>专案尚未结案。</translation>
    </message>
    <message>
        <source>The case summary could not be written to %1.</source>
        <translation>无法将专案小结写入 %1。</translation>
    </message>
</context>
<context>
    <name>CasesWorkbench</name>
    <message>
        <source>&amp;Dashboard</source>
        <translation>统计看板(&amp;D)</translation>
    </message>
    <message>
        <source>Case management</source>
        <translation>专案管理</translation>
    </message>
    <message>
        <source>High-risk dashboard: colors, changes, overdue follow-ups, outcomes (Ctrl+Shift+D)</source>
        <translation>高危统计看板：颜色分布、变化、逾期随访、结案转归（Ctrl+Shift+D）</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>专案</translation>
    </message>
    <message>
        <source>High-risk dashboard</source>
        <translation>高危孕产妇统计看板</translation>
    </message>
</context>
<context>
    <name>Center</name>
    <message>
        <source>obslink-center: %1</source>
        <translation>obslink-center：%1</translation>
    </message>
    <message>
        <source>ObsLink regional center: sync service over HTTPS.</source>
        <translation>ObsLink 区域中心：基于 HTTPS 的同步服务。</translation>
    </message>
    <message>
        <source>SQLite file, or postgres://user:password@host:port/database.</source>
        <translation>SQLite 文件，或 postgres://用户:密码@主机:端口/数据库。</translation>
    </message>
    <message>
        <source>Address to listen on.</source>
        <translation>监听地址。</translation>
    </message>
    <message>
        <source>Port (0: any free port).</source>
        <translation>端口（0：任一空闲端口）。</translation>
    </message>
    <message>
        <source>TLS certificate chain (PEM).</source>
        <translation>TLS 证书链（PEM）。</translation>
    </message>
    <message>
        <source>TLS private key (PEM).</source>
        <translation>TLS 私钥（PEM）。</translation>
    </message>
    <message>
        <source>Lifetime of access tokens.</source>
        <translation>访问令牌有效期。</translation>
    </message>
    <message>
        <source>The database schema is not current; run obslink-center --init first.</source>
        <translation>数据库结构不是最新版本；请先运行 obslink-center --init。</translation>
    </message>
    <message>
        <source>The center only serves HTTPS: give --cert and --key.</source>
        <translation>中心只提供 HTTPS 服务：请指定 --cert 和 --key。</translation>
    </message>
    <message>
        <source>Days a clinic a woman was referred to may still read her records after the referral is closed.</source>
        <translation>转诊结束后，接诊机构仍可查阅孕妇档案的天数。</translation>
    </message>
    <message>
        <source>--referral-access-days takes a whole number of days, 0 or more.</source>
        <translation>--referral-access-days 须为不小于 0 的整天数。</translation>
    </message>
</context>
<context>
    <name>CenterAdmin</name>
    <message>
        <source>Create or upgrade the database schema, then exit.</source>
        <translation>创建或升级数据库结构后退出。</translation>
    </message>
    <message>
        <source>Add a clinic with this id.</source>
        <translation>添加此编号的机构。</translation>
    </message>
    <message>
        <source>Name of the clinic to add.</source>
        <translation>要添加的机构名称。</translation>
    </message>
    <message>
        <source>The added clinic is the regional center (its staff see the region).</source>
        <translation>所添加的机构为区域中心（其人员可查看全区域）。</translation>
    </message>
    <message>
        <source>Add a user with this login name.</source>
        <translation>添加此登录名的用户。</translation>
    </message>
    <message>
        <source>The user&apos;s clinic id.</source>
        <translation>用户所属机构编号。</translation>
    </message>
    <message>
        <source>The user&apos;s role: %1.</source>
        <translation>用户角色：%1。</translation>
    </message>
    <message>
        <source>The user&apos;s full name.</source>
        <translation>用户全名。</translation>
    </message>
    <message>
        <source>Read the new user&apos;s password from this file (first line), never from the command line.</source>
        <translation>从此文件（第一行）读取新用户密码，绝不从命令行读取。</translation>
    </message>
    <message>
        <source>Add the demo region: the center and two clinics, with demo users (see README).</source>
        <translation>添加演示区域：中心和两家机构及演示用户（见 README）。</translation>
    </message>
    <message>
        <source>PBKDF2 iterations for new passwords.</source>
        <translation>新密码的 PBKDF2 迭代次数。</translation>
    </message>
    <message>
        <source>Give the password in a readable file with --password-file.</source>
        <translation>请用 --password-file 在可读文件中提供密码。</translation>
    </message>
    <message>
        <source>Database schema at version %1.</source>
        <translation>数据库结构版本为 %1。</translation>
    </message>
    <message>
        <source>The database schema is not current; run obslink-center --init first.</source>
        <translation>数据库结构不是最新版本；请先运行 obslink-center --init。</translation>
    </message>
    <message>
        <source>--hash-iterations must be at least 1000.</source>
        <translation>--hash-iterations 至少为 1000。</translation>
    </message>
    <message>
        <source>Clinic %1 added.</source>
        <translation>已添加机构 %1。</translation>
    </message>
    <message>
        <source>User %1 added.</source>
        <translation>已添加用户 %1。</translation>
    </message>
    <message>
        <source>Regional maternal and child health center</source>
        <translation>区域妇幼保健中心</translation>
    </message>
    <message>
        <source>East district clinic</source>
        <translation>东区门诊</translation>
    </message>
    <message>
        <source>West district clinic</source>
        <translation>西区门诊</translation>
    </message>
    <message>
        <source>Center administrator</source>
        <translation>中心管理员</translation>
    </message>
    <message>
        <source>Dr Wang</source>
        <translation>王医生</translation>
    </message>
    <message>
        <source>Nurse Li</source>
        <translation>李护士</translation>
    </message>
    <message>
        <source>Dr Zhao</source>
        <translation>赵医生</translation>
    </message>
    <message>
        <source>Dr Chen (ultrasound)</source>
        <translation>陈医生（超声）</translation>
    </message>
    <message>
        <source>Regional health platform (FHIR, read-only)</source>
        <translation>区域卫生信息平台（FHIR，只读）</translation>
    </message>
    <message>
        <source>Demo region added: clinics center, clinic-a, clinic-b; users center-admin, dr-wang, nurse-li, dr-zhao, us-chen, health-platform (password obslink-demo).</source>
        <translation>已添加演示区域：机构 center、clinic-a、clinic-b；用户 center-admin、dr-wang、nurse-li、dr-zhao、us-chen、health-platform（密码 obslink-demo）。</translation>
    </message>
    <message>
        <source>The added user&apos;s password is her own or a service account&apos;s: no change at the first sign-in.</source>
        <translation>所添加用户的密码为其本人或服务账号所有：首次登录时无需修改。</translation>
    </message>
    <message>
        <source>Give this user a temporary password (--password-file), to be changed at her next sign-in; her sessions end.</source>
        <translation>为该用户设置临时密码（--password-file），下次登录时须修改；其现有会话全部结束。</translation>
    </message>
    <message>
        <source>Let this user try her password again at once from every computer.</source>
        <translation>让该用户立即可在任何计算机上再次尝试登录。</translation>
    </message>
    <message>
        <source>User %1 added; she chooses her own password at her first sign-in.</source>
        <translation>已添加用户 %1；她将在首次登录时设置自己的密码。</translation>
    </message>
    <message>
        <source>Temporary password set for %1; she chooses her own at her next sign-in.</source>
        <translation>已为 %1 设置临时密码；她将在下次登录时设置自己的密码。</translation>
    </message>
    <message>
        <source>%1 may sign in again at once.</source>
        <translation>%1 现在即可再次登录。</translation>
    </message>
</context>
<context>
    <name>CenterApi</name>
    <message>
        <source>The request is larger than %1 bytes.</source>
        <translation>请求超过 %1 字节。</translation>
    </message>
    <message>
        <source>No such endpoint.</source>
        <translation>没有此接口。</translation>
    </message>
    <message>
        <source>This endpoint does not accept %1.</source>
        <translation>此接口不接受 %1 请求。</translation>
    </message>
    <message>
        <source>Not logged in.</source>
        <translation>未登录。</translation>
    </message>
    <message>
        <source>limit must be a positive whole number.</source>
        <translation>limit 必须为正整数。</translation>
    </message>
    <message>
        <source>There is no clinic &quot;%1&quot;.</source>
        <translation>不存在机构“%1”。</translation>
    </message>
    <message>
        <source>The chunk&apos;s offset must be a whole number.</source>
        <translation>分块偏移量必须是整数。</translation>
    </message>
    <message>
        <source>Say the attachment&apos;s whole size in ?size=.</source>
        <translation>请在 ?size= 中给出附件的总大小。</translation>
    </message>
    <message>
        <source>length must be a whole number.</source>
        <translation>length 必须是整数。</translation>
    </message>
    <message>
        <source>The platform role reads the region through /fhir only.</source>
        <translation>平台角色只能通过 /fhir 读取本区域数据。</translation>
    </message>
    <message>
        <source>Only an administrator may search the audit trail.</source>
        <translation>只有管理员可以查询审计日志。</translation>
    </message>
    <message>
        <source>The audit search takes ISO 8601 times and a limit of 1 to 10000.</source>
        <translation>审计查询的时间须为 ISO 8601 格式，条数上限为 1 至 10000。</translation>
    </message>
</context>
<context>
    <name>CenterAuditCommands</name>
    <message>
        <source>Print the audit entries that match --patient, --user, --audit-clinic, --from and --to (JSON).</source>
        <translation>输出符合 --patient、--user、--audit-clinic、--from 和 --to 条件的审计记录（JSON）。</translation>
    </message>
    <message>
        <source>Check every audit chain; exit 1 if one is broken.</source>
        <translation>校验每一条审计链；若有断裂则以 1 退出。</translation>
    </message>
    <message>
        <source>Write the access report of the woman given by --patient (HTML, to --out or stdout).</source>
        <translation>生成 --patient 指定孕产妇的访问记录报告（HTML，写入 --out 或标准输出）。</translation>
    </message>
    <message>
        <source>The woman&apos;s patient id.</source>
        <translation>孕产妇的患者 ID。</translation>
    </message>
    <message>
        <source>A user name.</source>
        <translation>用户名。</translation>
    </message>
    <message>
        <source>A clinic id.</source>
        <translation>机构 ID。</translation>
    </message>
    <message>
        <source>From this time (ISO 8601, UTC if no offset).</source>
        <translation>起始时间（ISO 8601，无时区时按 UTC）。</translation>
    </message>
    <message>
        <source>Up to this time (ISO 8601).</source>
        <translation>截止时间（ISO 8601）。</translation>
    </message>
    <message>
        <source>At most this many entries.</source>
        <translation>最多返回的条数。</translation>
    </message>
    <message>
        <source>Write to this file.</source>
        <translation>写入此文件。</translation>
    </message>
    <message>
        <source>--%1 takes a time written 2026-12-07T09:30:00Z or a date 2026-12-07.</source>
        <translation>--%1 需要形如 2026-12-07T09:30:00Z 的时间或形如 2026-12-07 的日期。</translation>
    </message>
    <message>
        <source>--limit takes a whole number, 1 or more.</source>
        <translation>--limit 需要不小于 1 的整数。</translation>
    </message>
    <message>
        <source>--audit-report needs --patient.</source>
        <translation>--audit-report 需要 --patient。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>The database schema is not current; run obslink-center --init first.</source>
        <translation>数据库结构不是最新版本；请先运行 obslink-center --init。</translation>
    </message>
</context>
<context>
    <name>CenterConnection</name>
    <message>
        <source>The center&apos;s key does not match the pinned key; the connection was refused.</source>
        <translation>中心的密钥与固定的密钥不符，已拒绝连接。</translation>
    </message>
    <message>
        <source>The center&apos;s address must start with https://.</source>
        <translation>中心地址必须以 https:// 开头。</translation>
    </message>
    <message>
        <source>The center&apos;s certificate is not trusted (%1); the connection was refused.</source>
        <translation>中心的证书不受信任（%1），已拒绝连接。</translation>
    </message>
    <message>
        <source>The regional center cannot be reached (%1).</source>
        <translation>无法连接区域中心（%1）。</translation>
    </message>
    <message>
        <source>The center answered with HTTP status %1 and no explanation.</source>
        <translation>中心返回 HTTP 状态 %1，且未说明原因。</translation>
    </message>
    <message>
        <source>The center refused the request: %1</source>
        <translation>中心拒绝了请求：%1</translation>
    </message>
    <message>
        <source>The center&apos;s login reply cannot be read.</source>
        <translation>无法读取中心的登录应答。</translation>
    </message>
    <message>
        <source>The center did not accept the user name or password.</source>
        <translation>区域中心未接受该用户名或密码。</translation>
    </message>
    <message>
        <source>This account is locked for a while after repeated wrong passwords; try again later or ask the center&apos;s administrator.</source>
        <translation>因多次输错密码，该账户已被暂时锁定；请稍后再试，或联系区域中心管理员。</translation>
    </message>
    <message>
        <source>The sign-in to the center has expired; please sign in again.</source>
        <translation>区域中心登录已过期，请重新登录。</translation>
    </message>
    <message>
        <source>Your account may not do this at the center.</source>
        <translation>您的账户无权在区域中心执行此操作。</translation>
    </message>
    <message>
        <source>Your password was set by an administrator: choose your own password now.</source>
        <translation>您的密码由管理员设置：请现在设置您自己的密码。</translation>
    </message>
    <message>
        <source>The center did not accept the new password: %1</source>
        <translation>中心未接受新密码：%1</translation>
    </message>
</context>
<context>
    <name>CenterDatabase</name>
    <message>
        <source>The database driver for %1 is not installed.</source>
        <translation>未安装 %1 数据库驱动。</translation>
    </message>
    <message>
        <source>The center database cannot be opened: %1</source>
        <translation>无法打开中心数据库：%1</translation>
    </message>
    <message>
        <source>Center migration %1 is missing.</source>
        <translation>缺少中心数据库迁移 %1。</translation>
    </message>
    <message>
        <source>Cannot lock the center database to migrate it.</source>
        <translation>无法锁定中心数据库以进行迁移。</translation>
    </message>
</context>
<context>
    <name>CenterServer</name>
    <message>
        <source>No certificate could be read from %1.</source>
        <translation>无法从 %1 读取证书。</translation>
    </message>
    <message>
        <source>The private key %1 cannot be read.</source>
        <translation>无法读取私钥 %1。</translation>
    </message>
    <message>
        <source>The private key %1 is not a PEM RSA or EC key.</source>
        <translation>私钥 %1 不是 PEM 格式的 RSA 或 EC 密钥。</translation>
    </message>
    <message>
        <source>Cannot listen on %1 port %2.</source>
        <translation>无法在 %1 端口 %2 上监听。</translation>
    </message>
</context>
<context>
    <name>CenterSettings</name>
    <message>
        <source>No regional center is configured (Settings → Regional center).</source>
        <translation>尚未配置区域中心（设置 → 区域中心）。</translation>
    </message>
    <message>
        <source>The regional center&apos;s address must start with https:// (%1).</source>
        <translation>区域中心地址必须以 https:// 开头（%1）。</translation>
    </message>
    <message>
        <source>The regional CA file %1 does not exist.</source>
        <translation>区域 CA 证书文件 %1 不存在。</translation>
    </message>
    <message>
        <source>The password file %1 cannot be read.</source>
        <translation>无法读取密码文件 %1。</translation>
    </message>
</context>
<context>
    <name>CenterSettingsDialog</name>
    <message>
        <source>Regional center</source>
        <translation>区域中心</translation>
    </message>
    <message>
        <source>optional: SHA-256 of the center&apos;s public key (base64)</source>
        <translation>可选：区域中心公钥的 SHA-256（base64）</translation>
    </message>
    <message>
        <source>only to sign in; leave empty to stay signed in</source>
        <translation>仅用于登录；留空则保持当前登录</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Regional CA certificate</source>
        <translation>区域 CA 证书</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt);;All files (*)</source>
        <translation>证书 (*.pem *.crt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Center address:</source>
        <translation>中心地址：</translation>
    </message>
    <message>
        <source>Regional CA file:</source>
        <translation>区域 CA 证书：</translation>
    </message>
    <message>
        <source>Key pin:</source>
        <translation>公钥固定：</translation>
    </message>
    <message>
        <source>User name at the center:</source>
        <translation>区域中心用户名：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Sync every:</source>
        <translation>同步间隔：</translation>
    </message>
    <message>
        <source>The password is used once to sign in and is never stored; this computer keeps the sign-in in the system keychain. Records are sent over HTTPS only.</source>
        <translation>密码仅用于本次登录，不会被保存；本机将登录凭据保存在系统钥匙串中。记录仅通过 HTTPS 传输。</translation>
    </message>
    <message>
        <source>Save and sync</source>
        <translation>保存并同步</translation>
    </message>
    <message>
        <source>Sign out on this computer</source>
        <translation>在本机退出登录</translation>
    </message>
    <message>
        <source>Enter your user name at the center.</source>
        <translation>请输入您在区域中心的用户名。</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>create a synthetic clinic database</source>
        <translation>创建合成的演示门诊数据库</translation>
    </message>
    <message>
        <source>five-color risk grading (risk assess FILE.json)</source>
        <translation>五色妊娠风险评估（risk assess FILE.json）</translation>
    </message>
    <message>
        <source>fetal heart trace analysis (ctg analyse FILE)</source>
        <translation>胎心监护分析（ctg analyse FILE）</translation>
    </message>
    <message>
        <source>Usage: obslink-cli COMMAND [OPTIONS]

Commands:
</source>
        <translation>用法：obslink-cli 命令 [选项]

命令：
</translation>
    </message>
    <message>
        <source>Unknown command: %1</source>
        <translation>未知命令：%1</translation>
    </message>
    <message>
        <source>Creates a database of synthetic, deterministic clinic data (never real patients).</source>
        <translation>创建确定性的合成门诊数据库（绝非真实患者）。</translation>
    </message>
    <message>
        <source>Database file to create.</source>
        <translation>要创建的数据库文件。</translation>
    </message>
    <message>
        <source>Number of women (default 1000).</source>
        <translation>孕妇人数（默认 1000）。</translation>
    </message>
    <message>
        <source>Random seed (default 1).</source>
        <translation>随机种子（默认 1）。</translation>
    </message>
    <message>
        <source>Date the data is generated for (default: today).</source>
        <translation>数据对应的日期（默认：今天）。</translation>
    </message>
    <message>
        <source>Clinic id (default demo-clinic).</source>
        <translation>门诊编号（默认 demo-clinic）。</translation>
    </message>
    <message>
        <source>%1 already exists; demo data is only written to a new file.</source>
        <translation>%1 已存在；演示数据只写入新文件。</translation>
    </message>
    <message>
        <source>high-risk case worklists (cases worklist --db FILE --on DATE)</source>
        <translation>高危专案工作清单（cases worklist --db 文件 --on 日期）</translation>
    </message>
    <message>
        <source>Clinic database file.</source>
        <translation>门诊数据库文件。</translation>
    </message>
    <message>
        <source>Date of the worklist (default: today).</source>
        <translation>工作清单日期（默认：今天）。</translation>
    </message>
    <message>
        <source>The clinic&apos;s case management settings (JSON).</source>
        <translation>本门诊的专案管理设置（JSON）。</translation>
    </message>
    <message>
        <source>The date %1 is not a valid YYYY-MM-DD date.</source>
        <translation>日期 %1 不是有效的 YYYY-MM-DD 日期。</translation>
    </message>
    <message>
        <source>Unknown worklist %1.</source>
        <translation>未知的工作清单 %1。</translation>
    </message>
    <message>
        <source>The database %1 does not exist.</source>
        <translation>数据库 %1 不存在。</translation>
    </message>
    <message>
        <source>Cannot read %1.</source>
        <translation>无法读取 %1。</translation>
    </message>
    <message>
        <source>Usage: obslink-cli ctg analyse FILE [--format csv|wfdb] [--baseline-series] [--ga-weeks N]
FILE is a CSV (time_s,fhr_bpm,toco …) or a WFDB record (.hea/.dat, format 16).
See docs/ctg-analysis.md for the JSON printed.</source>
        <translation>用法：obslink-cli ctg analyse 文件 [--format csv|wfdb] [--baseline-series] [--ga-weeks 孕周]
文件为 CSV（time_s,fhr_bpm,toco …）或 WFDB 记录（.hea/.dat，格式 16）。
输出的 JSON 见 docs/ctg-analysis.md。</translation>
    </message>
    <message>
        <source>--ga-weeks must be a number of weeks between 20 and 45.</source>
        <translation>--ga-weeks 必须是 20 到 45 之间的孕周数。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Also grade every pregnancy as a clinician would confirm it, opening case files for high grades (for the demo).</source>
        <translation>同时按临床医生确认的方式对每次妊娠进行风险分级，并为高风险者建立专案（用于演示）。</translation>
    </message>
    <message>
        <source>one sync round with the regional center (sync --db FILE --server URL)</source>
        <translation>与区域中心同步一次（sync --db 文件 --server 地址）</translation>
    </message>
    <message>
        <source>--frame needs a frame number (0 or more).</source>
        <translation>--frame 需要帧号（0 或更大）。</translation>
    </message>
    <message>
        <source>Usage: obslink-cli sync --db FILE --server URL [--ca FILE] [--pin SHA256] --user NAME --password-file FILE [--publish-all] [--page-size N]</source>
        <translation>用法：obslink-cli sync --db 文件 --server 地址 [--ca 文件] [--pin SHA256] --user 用户名 --password-file 文件 [--publish-all] [--page-size N]</translation>
    </message>
    <message>
        <source>The regional center (https://host:port).</source>
        <translation>区域中心（https://主机:端口）。</translation>
    </message>
    <message>
        <source>Regional CA certificate (PEM), trusted besides the system&apos;s.</source>
        <translation>区域 CA 证书（PEM），在系统证书之外信任。</translation>
    </message>
    <message>
        <source>SHA-256 of the center&apos;s public key (base64).</source>
        <translation>中心公钥的 SHA-256（base64）。</translation>
    </message>
    <message>
        <source>Login name at the center.</source>
        <translation>在中心的登录名。</translation>
    </message>
    <message>
        <source>File whose first line is the password.</source>
        <translation>第一行为密码的文件。</translation>
    </message>
    <message>
        <source>First queue every record of this cache for the center (a cache filled by an import or before sync).</source>
        <translation>先将本缓存的全部记录排队发往中心（用于导入填充或启用同步前的缓存）。</translation>
    </message>
    <message>
        <source>Records per request (smaller for a poor connection).</source>
        <translation>每次请求的记录数（网络差时调小）。</translation>
    </message>
    <message>
        <source>The password file %1 cannot be read.</source>
        <translation>无法读取密码文件 %1。</translation>
    </message>
    <message>
        <source>the regional PACS over DICOMweb (pacs query|retrieve|send|receive)</source>
        <translation>通过 DICOMweb 访问区域 PACS（pacs query|retrieve|send|receive）</translation>
    </message>
    <message>
        <source>Usage: obslink-cli pacs query|retrieve|send|forward|receive|demo-studies [OPTIONS]
  query    [--patient-id ID] [--accession N] [--from DATE] [--to DATE] [--modality US]
  retrieve STUDY-UID --cache DIR [--cache-mb N]
  send     FILE|FOLDER…
  forward  --inbox DIR      (one round: the inbox&apos;s pending files to the PACS)
  receive  --inbox DIR [--aet TITLE] [--port N]   (C-STORE receiver, forwards while it runs)
  demo-studies --out DIR [--db FILE]   (synthetic ultrasound studies, never real patients;
                            with --db, of the first women with a pregnancy in that demo database)
The PACS: --server URL (DICOMweb root, https) [--ca FILE] [--user NAME --password-file FILE].
See docs/dicom.md.</source>
        <translation>用法：obslink-cli pacs query|retrieve|send|forward|receive|demo-studies [选项]
  query    [--patient-id 证件号] [--accession 申请号] [--from 日期] [--to 日期] [--modality US]
  retrieve 检查UID --cache 目录 [--cache-mb N]
  send     文件|文件夹…
  forward  --inbox 目录      （执行一轮：将收件箱中待发送的文件发到 PACS）
  receive  --inbox 目录 [--aet AE名称] [--port N]   （C-STORE 接收服务，运行期间同时转发）
  demo-studies --out 目录 [--db 文件]   （合成的超声检查，绝非真实患者；
                            指定 --db 时，归属该演示数据库中最先列出的有在孕记录的孕产妇）
PACS 参数：--server URL（DICOMweb 根地址，https）[--ca 文件] [--user 用户名 --password-file 文件]。
详见 docs/dicom.md。</translation>
    </message>
    <message>
        <source>The PACS&apos;s DICOMweb root (https://…/dicom-web).</source>
        <translation>PACS 的 DICOMweb 根地址（https://…/dicom-web）。</translation>
    </message>
    <message>
        <source>User name at the PACS.</source>
        <translation>PACS 用户名。</translation>
    </message>
    <message>
        <source>Patient ID (the woman&apos;s national ID number).</source>
        <translation>患者 ID（孕产妇的身份证号）。</translation>
    </message>
    <message>
        <source>Accession number.</source>
        <translation>检查申请号。</translation>
    </message>
    <message>
        <source>First study date (YYYY-MM-DD).</source>
        <translation>检查起始日期（YYYY-MM-DD）。</translation>
    </message>
    <message>
        <source>Last study date (YYYY-MM-DD).</source>
        <translation>检查截止日期（YYYY-MM-DD）。</translation>
    </message>
    <message>
        <source>Modality in the study (empty: any).</source>
        <translation>检查中的设备类型（留空：不限）。</translation>
    </message>
    <message>
        <source>Folder of the local study cache.</source>
        <translation>本地检查缓存文件夹。</translation>
    </message>
    <message>
        <source>Size bound of the study cache in MB.</source>
        <translation>检查缓存的容量上限（MB）。</translation>
    </message>
    <message>
        <source>The receiver&apos;s inbox folder.</source>
        <translation>接收服务的收件文件夹。</translation>
    </message>
    <message>
        <source>AE title the receiver answers to.</source>
        <translation>接收服务响应的 AE 名称。</translation>
    </message>
    <message>
        <source>TCP port of the receiver.</source>
        <translation>接收服务的 TCP 端口。</translation>
    </message>
    <message>
        <source>Output folder.</source>
        <translation>输出文件夹。</translation>
    </message>
    <message>
        <source>Demo clinic database whose women the studies belong to.</source>
        <translation>检查所归属孕产妇所在的演示诊所数据库。</translation>
    </message>
    <message>
        <source>--server is needed.</source>
        <translation>需要指定 --server。</translation>
    </message>
    <message>
        <source>Dates are written YYYY-MM-DD.</source>
        <translation>日期格式为 YYYY-MM-DD。</translation>
    </message>
    <message numerus="yes">
        <source>%n instance(s), %1 MB</source>
        <translation>
            <numerusform>%n 幅图像，%1 MB</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Forwarding paused, %n instance(s) waiting: %1</source>
        <translation>
            <numerusform>转发已暂停，%n 幅图像等待中：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>Receiving on port %1 as %2; Ctrl+C stops.</source>
        <translation>正在端口 %1 以 %2 接收；按 Ctrl+C 停止。</translation>
    </message>
    <message>
        <source>Usage: obslink-cli risk assess FILE.json [--rules RULESET.json]
FILE.json (&apos;-&apos; for standard input) describes one pregnancy on one date:
  assessedOn (required, YYYY-MM-DD), birthDate, heightCm, weightKg, fetuses, gestationalWeeks,
  uterineSurgeries, lastUterineSurgeryDate,
  labs {hb g/L, plt 10^9/L, creatinine umol/L, creatinineUpperLimit, hbsag, syphilis, hiv: &quot;positive&quot;|&quot;negative&quot;},
  bp {systolic, diastolic}, bpReadings [{systolic, diastolic, date}], presentation, findings [rule ids].
Prints the grade, the purple flag, every fired rule with its evidence, suggestions and the rule-set version.
Rules: --rules, else the file named in OBSLINK_RULE_SET, else the national 2017 table.
See docs/rules-five-color-2017.md.</source>
        <translation>用法：obslink-cli risk assess 文件.json [--rules 规则集.json]
文件.json（&apos;-&apos; 表示标准输入）描述某一日期的一次妊娠：
  assessedOn（必填，YYYY-MM-DD）、birthDate、heightCm、weightKg、fetuses、gestationalWeeks、
  uterineSurgeries、lastUterineSurgeryDate、
  labs {hb g/L、plt 10^9/L、creatinine umol/L、creatinineUpperLimit、hbsag、syphilis、hiv：&quot;positive&quot;|&quot;negative&quot;}、
  bp {systolic, diastolic}、bpReadings [{systolic, diastolic, date}]、presentation、findings [条目编号]。
输出风险分级、紫色标识、每条触发条目及其依据、提示项和规则集版本。
规则：--rules 指定的文件；未指定时用 OBSLINK_RULE_SET 所指文件；再无则用 2017 年国家标准表。
参见 docs/rules-five-color-2017.md。</translation>
    </message>
    <message>
        <source>Also record a non-stress test trace for up to N women at 32–41 weeks (default 0).</source>
        <translation>同时为至多 N 名孕 32–41 周的孕妇生成一份无应激试验（NST）胎心监护记录（默认 0）。</translation>
    </message>
    <message>
        <source>one woman&apos;s records as a FHIR R4 Bundle (fhir export --db FILE --patient ID)</source>
        <translation>将一名孕产妇的记录导出为 FHIR R4 Bundle（fhir export --db FILE --patient ID）</translation>
    </message>
    <message>
        <source>Usage: obslink-cli fhir export --db FILE --patient ID [--out FILE]
Writes one woman&apos;s records as a FHIR R4 Bundle (JSON); see docs/fhir.md.</source>
        <translation>用法：obslink-cli fhir export --db FILE --patient ID [--out FILE]
将一名孕产妇的记录写为 FHIR R4 Bundle（JSON）；见 docs/fhir.md。</translation>
    </message>
    <message>
        <source>One list: due, overdue, unreported, lost, edd, unassigned, appointments-today, appointments-tomorrow or missed-appointment (default: all).</source>
        <translation>只输出一个列表：due（今日到期）、overdue（逾期）、unreported（未上报）、lost（失访）、edd（临近预产期）、unassigned（未指定负责人）、appointments-today（今日预约）、appointments-tomorrow（明日预约）或 missed-appointment（爽约）（默认：全部）。</translation>
    </message>
    <message>
        <source>Usage: obslink-cli cases worklist --db FILE [--on YYYY-MM-DD] [--kind due|overdue|unreported|lost|edd|unassigned|appointments-today|appointments-tomorrow|missed-appointment]</source>
        <translation>用法：obslink-cli cases worklist --db 文件 [--on YYYY-MM-DD] [--kind due|overdue|unreported|lost|edd|unassigned|appointments-today|appointments-tomorrow|missed-appointment]</translation>
    </message>
    <message>
        <source>DICOM ultrasound files (dicom info|render|sr FILE)</source>
        <translation>DICOM 超声文件（dicom info|render|sr 文件）</translation>
    </message>
    <message>
        <source>Usage: obslink-cli dicom info FILE
       obslink-cli dicom render FILE [--frame N] --out PNG
       obslink-cli dicom sr FILE
Frames are numbered from 0 (a one-frame file also accepts 1). `sr` lists the biometry of an
ultrasound machine&apos;s structured report, fetus by fetus, and what became of every value.
See docs/dicom.md.</source>
        <translation>用法：obslink-cli dicom info 文件
      obslink-cli dicom render 文件 [--frame N] --out PNG
      obslink-cli dicom sr 文件
帧号从 0 开始（单帧文件也接受 1）。`sr` 逐个胎儿列出超声仪结构化报告中的生物测量值，
并说明每个数值的去向。详见 docs/dicom.md。</translation>
    </message>
    <message>
        <source>No referral %1 in this database.</source>
        <translation>该数据库中没有转诊 %1。</translation>
    </message>
    <message>
        <source>The referral&apos;s id.</source>
        <translation>转诊的 ID。</translation>
    </message>
    <message>
        <source>the referrals in a clinic database as JSON (referral list|show|figures --db FILE)</source>
        <translation>以 JSON 输出机构数据库中的转诊（referral list|show|figures --db FILE）</translation>
    </message>
    <message>
        <source>Usage: obslink-cli referral list --db FILE
       obslink-cli referral show --db FILE --id REFERRAL-ID
       obslink-cli referral figures --db FILE [--from YYYY-MM-DD] [--to YYYY-MM-DD]</source>
        <translation>用法：obslink-cli referral list --db FILE
      obslink-cli referral show --db FILE --id 转诊ID
      obslink-cli referral figures --db FILE [--from YYYY-MM-DD] [--to YYYY-MM-DD]</translation>
    </message>
    <message>
        <source>First day sent (default: a year ago).</source>
        <translation>统计的首个转出日期（默认一年前）。</translation>
    </message>
    <message>
        <source>Last day sent (default: today).</source>
        <translation>统计的最后转出日期（默认今天）。</translation>
    </message>
    <message>
        <source>Also refer up to N of the highest-graded women to the regional center (with --grade; default 0).</source>
        <translation>另将至多 N 名风险评级最高的孕妇转诊到区域中心（需配合 --grade；默认 0）。</translation>
    </message>
    <message>
        <source>Usage: obslink-cli demo-data --db FILE [--patients N] [--seed S] [--today YYYY-MM-DD] [--clinic ID] [--grade] [--ctg-traces N] [--referrals N]</source>
        <translation>用法：obslink-cli demo-data --db FILE [--patients N] [--seed S] [--today YYYY-MM-DD] [--clinic ID] [--grade] [--ctg-traces N] [--referrals N]</translation>
    </message>
    <message>
        <source>the remote consultations in a clinic database as JSON (consultation list|show --db FILE)</source>
        <translation>诊所数据库中的远程会诊，输出 JSON（consultation list|show --db FILE）</translation>
    </message>
    <message>
        <source>Usage: obslink-cli consultation list --db FILE
       obslink-cli consultation show --db FILE --id CONSULTATION-ID</source>
        <translation>用法：obslink-cli consultation list --db FILE
      obslink-cli consultation show --db FILE --id 会诊ID</translation>
    </message>
    <message>
        <source>No consultation %1 in this database.</source>
        <translation>此数据库中没有会诊 %1。</translation>
    </message>
    <message>
        <source>this workstation&apos;s audit trail (audit list|verify|report --db FILE)</source>
        <translation>本工作站的审计日志（audit list|verify|report --db 文件）</translation>
    </message>
    <message>
        <source>Usage: obslink-cli audit list --db FILE [--patient ID] [--after SEQ] [--limit N]
       obslink-cli audit verify --db FILE
       obslink-cli audit report --db FILE --patient ID [--out FILE.html]
This workstation&apos;s audit trail (docs/audit.md): its entries as JSON, the check of its hash chain (exit 1 where it is broken), or a woman&apos;s access report as a page to print.</source>
        <translation>用法：obslink-cli audit list --db 文件 [--patient ID] [--after 序号] [--limit N]
      obslink-cli audit verify --db 文件
      obslink-cli audit report --db 文件 --patient ID [--out 文件.html]
本工作站的审计日志（docs/audit.md）：以 JSON 输出记录、校验其哈希链（断裂时以 1 退出），或生成可打印的孕产妇访问记录报告。</translation>
    </message>
</context>
<context>
    <name>ClinicDirectory</name>
    <message>
        <source>The center&apos;s list of clinics cannot be read.</source>
        <translation>无法读取区域中心返回的机构列表。</translation>
    </message>
</context>
<context>
    <name>ClinicRecords</name>
    <message>
        <source>Record number %1 is already used by another woman.</source>
        <translation>病历号 %1 已被另一位孕妇使用。</translation>
    </message>
</context>
<context>
    <name>ClockCheck</name>
    <message numerus="yes">
        <source>This computer&apos;s clock is %n minute(s) behind the regional center&apos;s.</source>
        <translation>
            <numerusform>本机时钟比区域中心慢 %n 分钟。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This computer&apos;s clock is %n minute(s) ahead of the regional center&apos;s.</source>
        <translation>
            <numerusform>本机时钟比区域中心快 %n 分钟。</numerusform>
        </translation>
    </message>
    <message>
        <source>The times it writes on visits, referrals and the audit trail are wrong by as much: ask your IT to set the clock.</source>
        <translation>本机在产检、转诊和审计日志上记录的时间会有同样的误差：请联系信息科校准时钟。</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Another value:</source>
        <translation>其他值：</translation>
    </message>
    <message>
        <source>Keep this value</source>
        <translation>采用此值</translation>
    </message>
    <message>
        <source>Sync conflicts</source>
        <translation>同步冲突</translation>
    </message>
    <message>
        <source>These fields were changed on this workstation and elsewhere in the region before the two copies met. Both values are kept until you choose; your choice is sent to the regional center.</source>
        <translation>以下字段在本工作站和区域内其他地方都被修改过。两个值都会保留，直到您作出选择；您的选择将发送到区域中心。</translation>
    </message>
    <message>
        <source>Woman</source>
        <translation>孕产妇</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>This workstation</source>
        <translation>本工作站</translation>
    </message>
    <message>
        <source>Regional center</source>
        <translation>区域中心</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>发现时间</translation>
    </message>
    <message>
        <source>Your choice</source>
        <translation>您的选择</translation>
    </message>
    <message>
        <source>Woman&apos;s details</source>
        <translation>孕妇基本信息</translation>
    </message>
    <message>
        <source>Pregnancy</source>
        <translation>妊娠</translation>
    </message>
    <message>
        <source>Antenatal visit</source>
        <translation>产前检查</translation>
    </message>
    <message>
        <source>Lab result</source>
        <translation>检验结果</translation>
    </message>
    <message>
        <source>Risk grade</source>
        <translation>风险分级</translation>
    </message>
    <message>
        <source>Risk finding</source>
        <translation>风险因素</translation>
    </message>
    <message>
        <source>Risk screening</source>
        <translation>风险筛查</translation>
    </message>
    <message>
        <source>High-risk case file</source>
        <translation>高危专案</translation>
    </message>
    <message>
        <source>Follow-up contact</source>
        <translation>随访记录</translation>
    </message>
    <message>
        <source>Ultrasound exam</source>
        <translation>超声检查</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>National ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Record number</source>
        <translation>档案号</translation>
    </message>
    <message>
        <source>Last menstrual period</source>
        <translation>末次月经</translation>
    </message>
    <message>
        <source>Expected date of delivery</source>
        <translation>预产期</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>Responsible doctor</source>
        <translation>责任医生</translation>
    </message>
    <message>
        <source>Responsible nurse</source>
        <translation>责任护士</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>(not in this clinic&apos;s records)</source>
        <translation>（不在本机构档案中）</translation>
    </message>
    <message>
        <source>whole record</source>
        <translation>整条记录</translation>
    </message>
    <message>
        <source>could not be stored here</source>
        <translation>无法保存到本机</translation>
    </message>
    <message>
        <source>No conflicts are waiting.</source>
        <translation>没有待处理的冲突。</translation>
    </message>
    <message>
        <source>Keep this workstation&apos;s value</source>
        <translation>保留本工作站的值</translation>
    </message>
    <message>
        <source>Take the regional center&apos;s value</source>
        <translation>采用区域中心的值</translation>
    </message>
    <message>
        <source>The regional center sent a %1 that this workstation could not store (it may refer to a record not here). It is kept for the clinic&apos;s administrator; nothing was lost.</source>
        <translation>区域中心发来的一条%1无法保存到本工作站（可能引用了本机没有的记录）。该记录已留待本机构管理员处理，没有丢失任何数据。</translation>
    </message>
    <message>
        <source>%1 — %2: which value is right?</source>
        <translation>%1 — %2：哪个值是正确的？</translation>
    </message>
    <message>
        <source>Keep this workstation&apos;s value: %1</source>
        <translation>保留本工作站的值：%1</translation>
    </message>
    <message>
        <source>Take the regional center&apos;s value: %1</source>
        <translation>采用区域中心的值：%1</translation>
    </message>
    <message>
        <source>Enter a number.</source>
        <translation>请输入数字。</translation>
    </message>
    <message>
        <source>Enter a date as YYYY-MM-DD, e.g. 2026-03-15.</source>
        <translation>请按 YYYY-MM-DD 格式输入日期，例如 2026-03-15。</translation>
    </message>
</context>
<context>
    <name>ConsultationReadings</name>
    <message>
        <source>Sign the interpretation before it answers the consultation.</source>
        <translation>判读须先签名，才能作为会诊意见回复。</translation>
    </message>
    <message>
        <source>Sign the report before it answers the consultation.</source>
        <translation>报告须先签名，才能作为会诊意见回复。</translation>
    </message>
    <message>
        <source>This report is filed under another woman than the consultation asks about: open her chart, then the study&apos;s report.</source>
        <translation>此报告归在另一位孕妇名下，与会诊对象不符：请先打开她的病历，再打开该检查的报告。</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>Follow-up contact — %1</source>
        <translation>随访 — %1</translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation>电话随访</translation>
    </message>
    <message>
        <source>Clinic visit</source>
        <translation>门诊随访</translation>
    </message>
    <message>
        <source>Home visit</source>
        <translation>入户随访</translation>
    </message>
    <message>
        <source>Reached, followed up</source>
        <translation>已联系并随访</translation>
    </message>
    <message>
        <source>Not reached</source>
        <translation>未联系上</translation>
    </message>
    <message>
        <source>Came to the clinic</source>
        <translation>已来院</translation>
    </message>
    <message>
        <source>&amp;Contact:</source>
        <translation>随访方式(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Outcome:</source>
        <translation>结果(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Findings:</source>
        <translation>检查发现(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Interventions:</source>
        <translation>干预措施(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Advice given:</source>
        <translation>指导意见(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Next contact due:</source>
        <translation>下次随访日期(&amp;N)：</translation>
    </message>
</context>
<context>
    <name>CtgAnalyzer</name>
    <message>
        <source>The trace is empty.</source>
        <translation>胎心监护记录为空。</translation>
    </message>
    <message>
        <source>%1% of the signal is lost: too little to classify the trace.</source>
        <translation>信号丢失 %1%：信号不足，无法判读分类。</translation>
    </message>
    <message>
        <source>Baseline below 100 bpm (%1 bpm).</source>
        <translation>基线低于 100 次/分（%1 次/分）。</translation>
    </message>
    <message>
        <source>Baseline below 110 bpm (%1 bpm).</source>
        <translation>基线低于 110 次/分（%1 次/分）。</translation>
    </message>
    <message>
        <source>Baseline above 160 bpm (%1 bpm): tachycardia.</source>
        <translation>基线高于 160 次/分（%1 次/分）：胎心过速。</translation>
    </message>
    <message>
        <source>Reduced variability for more than 50 minutes.</source>
        <translation>变异减少超过 50 分钟。</translation>
    </message>
    <message>
        <source>Reduced variability (below 5 bpm) for %1 minutes.</source>
        <translation>变异减少（低于 5 次/分）持续 %1 分钟。</translation>
    </message>
    <message>
        <source>Increased (saltatory) variability for more than 30 minutes.</source>
        <translation>变异增加（跳跃型）超过 30 分钟。</translation>
    </message>
    <message>
        <source>Increased variability (above 25 bpm).</source>
        <translation>变异增加（高于 25 次/分）。</translation>
    </message>
    <message>
        <source>Sinusoidal pattern for 30 minutes or more.</source>
        <translation>正弦波形持续 30 分钟或以上。</translation>
    </message>
    <message>
        <source>A prolonged deceleration lasting more than 5 minutes.</source>
        <translation>一次延长减速持续超过 5 分钟。</translation>
    </message>
    <message>
        <source>Repetitive late or prolonged decelerations.</source>
        <translation>反复晚期减速或延长减速。</translation>
    </message>
    <message>
        <source>Repetitive decelerations.</source>
        <translation>反复减速。</translation>
    </message>
    <message>
        <source>A prolonged deceleration (over 3 minutes).</source>
        <translation>延长减速（超过 3 分钟）。</translation>
    </message>
    <message>
        <source>Tachysystole: more than 5 contractions per 10 minutes.</source>
        <translation>宫缩过频：每 10 分钟超过 5 次宫缩。</translation>
    </message>
    <message>
        <source>Baseline 110–160 bpm, variability 5–25 bpm, no repetitive decelerations.</source>
        <translation>基线 110–160 次/分，变异 5–25 次/分，无反复减速。</translation>
    </message>
    <message>
        <source>Sinusoidal pattern.</source>
        <translation>正弦波形。</translation>
    </message>
    <message>
        <source>Absent variability with recurrent late or variable decelerations or bradycardia.</source>
        <translation>变异缺失，伴反复晚期或变异减速或胎心过缓。</translation>
    </message>
    <message>
        <source>Baseline 110–160 bpm, moderate variability, no late, variable or prolonged decelerations.</source>
        <translation>基线 110–160 次/分，中度变异，无晚期、变异或延长减速。</translation>
    </message>
    <message>
        <source>Late decelerations.</source>
        <translation>晚期减速。</translation>
    </message>
    <message>
        <source>Variable decelerations.</source>
        <translation>变异减速。</translation>
    </message>
    <message>
        <source>Variability outside 6–25 bpm.</source>
        <translation>变异不在 6–25 次/分范围内。</translation>
    </message>
    <message>
        <source>Signal may be maternal: for %1 min the FHR runs on the recorded maternal heart rate. Those stretches are left out; check the fetal heart.</source>
        <translation>信号可能来自母体：胎心率与记录的母体心率重合 %1 分钟。这些片段未纳入分析；请确认胎心。</translation>
    </message>
    <message>
        <source>Signal may be maternal: for %1 min the trace jumps to an adult&apos;s heart rate or to half the fetal rate. Check the maternal pulse against the fetal heart before acting on those stretches.</source>
        <translation>信号可能来自母体：曲线有 %1 分钟突跳至成人心率或胎心率的一半。依据这些片段处理前，请将母体脉搏与胎心进行核对。</translation>
    </message>
</context>
<context>
    <name>CtgFileFormat</name>
    <message>
        <source>The stored trace is damaged (its checksum does not match).</source>
        <translation>保存的胎心监护记录已损坏（校验和不符）。</translation>
    </message>
    <message>
        <source>This is not an ObsLink trace.</source>
        <translation>这不是 ObsLink 胎心监护记录。</translation>
    </message>
    <message>
        <source>This trace was stored by a newer ObsLink (format %1).</source>
        <translation>此记录由更新版本的 ObsLink 保存（格式 %1）。</translation>
    </message>
</context>
<context>
    <name>CtgImporter</name>
    <message>
        <source>Unknown trace format &quot;%1&quot;: use csv or wfdb.</source>
        <translation>未知的记录格式“%1”：请使用 csv 或 wfdb。</translation>
    </message>
    <message>
        <source>The file %1 cannot be read.</source>
        <translation>无法读取文件 %1。</translation>
    </message>
    <message>
        <source>Line %1 has %2 values; the header names %3.</source>
        <translation>第 %1 行有 %2 个值；表头有 %3 列。</translation>
    </message>
    <message>
        <source>Line %1: the time &quot;%2&quot; is not a number.</source>
        <translation>第 %1 行：时间“%2”不是数字。</translation>
    </message>
    <message>
        <source>Line %1: the heart rate &quot;%2&quot; is not a number.</source>
        <translation>第 %1 行：心率“%2”不是数字。</translation>
    </message>
    <message>
        <source>Line %1: the uterine activity &quot;%2&quot; is not a number.</source>
        <translation>第 %1 行：宫缩压力“%2”不是数字。</translation>
    </message>
    <message>
        <source>Line %1: time %2 s does not increase.</source>
        <translation>第 %1 行：时间 %2 秒没有递增。</translation>
    </message>
    <message>
        <source>The trace is longer than 72 hours.</source>
        <translation>记录长度超过 72 小时。</translation>
    </message>
    <message>
        <source>The file has no samples.</source>
        <translation>文件中没有采样数据。</translation>
    </message>
    <message>
        <source>The samples are not evenly spaced (around %1 s): a trace needs a constant sampling rate.</source>
        <translation>采样间隔不均匀（约在 %1 秒处）：记录需要恒定的采样率。</translation>
    </message>
    <message>
        <source>The WFDB header %1.hea cannot be read.</source>
        <translation>无法读取 WFDB 头文件 %1.hea。</translation>
    </message>
    <message>
        <source>The WFDB header is empty.</source>
        <translation>WFDB 头文件为空。</translation>
    </message>
    <message>
        <source>The WFDB record line &quot;%1&quot; is not valid.</source>
        <translation>WFDB 记录行“%1”无效。</translation>
    </message>
    <message>
        <source>The WFDB sampling frequency is not valid.</source>
        <translation>WFDB 采样频率无效。</translation>
    </message>
    <message>
        <source>Signal %1 is not stored in WFDB format 16, the only one supported.</source>
        <translation>信号 %1 不是以 WFDB 格式 16 存储的（仅支持此格式）。</translation>
    </message>
    <message>
        <source>All signals must be in one .dat file.</source>
        <translation>所有信号必须在同一个 .dat 文件中。</translation>
    </message>
    <message>
        <source>The WFDB signal file %1 cannot be read.</source>
        <translation>无法读取 WFDB 信号文件 %1。</translation>
    </message>
    <message>
        <source>The signal file %1 is truncated or does not match its header (%2 bytes for %3 signals).</source>
        <translation>信号文件 %1 被截断或与头文件不符（%3 个信号共 %2 字节）。</translation>
    </message>
    <message>
        <source>The header declares %1 samples but the signal file holds %2.</source>
        <translation>头文件声明 %1 个采样点，但信号文件中有 %2 个。</translation>
    </message>
    <message>
        <source>Line %1 must name the columns time_s, fhr_bpm and toco (found: %2).</source>
        <translation>第 %1 行必须给出列名 time_s、fhr_bpm 和 toco（实际为：%2）。</translation>
    </message>
    <message>
        <source>The WFDB record has a maternal heart rate but no fetal heart rate signal.</source>
        <translation>该 WFDB 记录只有母体心率，没有胎心率信号。</translation>
    </message>
    <message>
        <source>The signal file &quot;%1&quot; must be beside its header.</source>
        <translation>信号文件“%1”必须与其头文件位于同一文件夹。</translation>
    </message>
</context>
<context>
    <name>CtgPaperPainter</name>
    <message>
        <source>bpm</source>
        <translation>次/分</translation>
    </message>
    <message>
        <source>UA</source>
        <translation>宫缩</translation>
    </message>
</context>
<context>
    <name>CtgPaperView</name>
    <message>
        <source>No trace open</source>
        <translation>未打开胎心监护记录</translation>
    </message>
</context>
<context>
    <name>CtgPdfExport</name>
    <message>
        <source>There is no trace to print.</source>
        <translation>没有可打印的胎心监护记录。</translation>
    </message>
    <message>
        <source>Fetal heart trace (CTG)</source>
        <translation>胎心监护（CTG）</translation>
    </message>
    <message>
        <source>The PDF cannot be written to %1.</source>
        <translation>无法将PDF写入 %1。</translation>
    </message>
    <message>
        <source>FIGO: %1   NICHD: %2   Baseline: %3   Signal lost: %4%</source>
        <translation>FIGO：%1   NICHD：%2   基线：%3   信号丢失：%4%</translation>
    </message>
    <message>
        <source>%1 bpm</source>
        <translation>%1 次/分</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Fetal heart trace (CTG) — %1</source>
        <translation>胎心监护（CTG）— %1</translation>
    </message>
    <message>
        <source>Recorded %1 · %2 · %3 cm/min, %4 bpm/cm · from %5 to %6</source>
        <translation>记录于 %1 · %2 · 走纸速度 %3 cm/min，%4 次/分/cm · %5 至 %6</translation>
    </message>
    <message>
        <source>Interpretation signed by %1, %2: %3</source>
        <translation>判读（%1 签名，%2）：%3</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>第 %1 页，共 %2 页</translation>
    </message>
</context>
<context>
    <name>CtgRecordingEndDialog</name>
    <message>
        <source>Import a fetal heart trace</source>
        <translation>导入胎心监护记录</translation>
    </message>
    <message>
        <source>Filled in from when the monitor wrote %1. If the file was copied from the monitor later, give the time the recording really ended: the trace&apos;s times and her gestational age for the analysis follow from it.</source>
        <translation>已按胎心监护仪写入 %1 的时间填写。如该文件是事后从监护仪拷贝的，请填写监护实际结束的时间：记录上的时间和用于分析的孕周都据此推算。</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>Recording &amp;ended:</source>
        <translation>监护结束时间(&amp;E)：</translation>
    </message>
</context>
<context>
    <name>CtgRecords</name>
    <message>
        <source>The trace is not linked to a pregnancy.</source>
        <translation>该胎心监护记录未关联到本次妊娠。</translation>
    </message>
    <message>
        <source>The samples of this trace are not on this workstation yet.</source>
        <translation>该胎心监护的原始数据尚未同步到本工作站。</translation>
    </message>
    <message>
        <source>The stored samples of this trace are damaged and cannot be shown.</source>
        <translation>该胎心监护保存的数据已损坏，无法显示。</translation>
    </message>
    <message>
        <source>Write the annotation before saving it.</source>
        <translation>请先填写标注内容再保存。</translation>
    </message>
    <message>
        <source>An annotation must be at a time within the trace.</source>
        <translation>标注时间必须在监护记录时间范围内。</translation>
    </message>
    <message>
        <source>This interpretation is signed and can no longer be changed; write a new one instead.</source>
        <translation>该判读已签名，不能再修改；请另写一份新的判读。</translation>
    </message>
    <message>
        <source>This interpretation is already signed.</source>
        <translation>该判读已签名。</translation>
    </message>
    <message>
        <source>Write the interpretation before signing it.</source>
        <translation>请先填写判读内容再签名。</translation>
    </message>
    <message>
        <source>The interpretation must be signed by a named clinician.</source>
        <translation>判读必须由具名的医生签名。</translation>
    </message>
</context>
<context>
    <name>CtgReview</name>
    <message>
        <source>This trace is no longer in the record.</source>
        <translation>该胎心监护记录已不在档案中。</translation>
    </message>
    <message>
        <source>This trace is not in the record; nothing can be saved with it.</source>
        <translation>该胎心监护未存入档案，无法保存任何内容。</translation>
    </message>
    <message>
        <source>An annotation must be at a time within the trace.</source>
        <translation>标注时间必须在监护记录时间范围内。</translation>
    </message>
    <message>
        <source>The trace is being fetched from the regional center…</source>
        <translation>正在从区域中心获取胎心监护图…</translation>
    </message>
    <message>
        <source>The trace could not be fetched from the regional center: %1 It is tried again with the next sync.</source>
        <translation>无法从区域中心获取胎心监护图：%1 下次同步时将重试。</translation>
    </message>
</context>
<context>
    <name>CtgTerms</name>
    <message>
        <source>Normal</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Suspicious</source>
        <translation>可疑</translation>
    </message>
    <message>
        <source>Pathological</source>
        <translation>病理性</translation>
    </message>
    <message>
        <source>Not classified: signal lost</source>
        <translation>未分类：信号丢失过多</translation>
    </message>
    <message>
        <source>Not analysed</source>
        <translation>未分析</translation>
    </message>
    <message>
        <source>Category I</source>
        <translation>I 类</translation>
    </message>
    <message>
        <source>Category II</source>
        <translation>II 类</translation>
    </message>
    <message>
        <source>Category III</source>
        <translation>III 类</translation>
    </message>
    <message>
        <source>Undetermined</source>
        <translation>无法判定</translation>
    </message>
    <message>
        <source>Acceleration</source>
        <translation>加速</translation>
    </message>
    <message>
        <source>Contraction</source>
        <translation>宫缩</translation>
    </message>
    <message>
        <source>Early deceleration</source>
        <translation>早期减速</translation>
    </message>
    <message>
        <source>Late deceleration</source>
        <translation>晚期减速</translation>
    </message>
    <message>
        <source>Variable deceleration</source>
        <translation>变异减速</translation>
    </message>
    <message>
        <source>Prolonged deceleration</source>
        <translation>延长减速</translation>
    </message>
    <message>
        <source>Deceleration</source>
        <translation>减速</translation>
    </message>
    <message>
        <source>A</source>
        <extracomment>Mark on the CTG paper at an acceleration (one or two characters)</extracomment>
        <translation>加</translation>
    </message>
    <message>
        <source>C</source>
        <extracomment>Mark on the CTG paper at a contraction (one or two characters)</extracomment>
        <translation>缩</translation>
    </message>
    <message>
        <source>E</source>
        <extracomment>Marks on the CTG paper at early, late, variable, prolonged decelerations</extracomment>
        <translation>早</translation>
    </message>
    <message>
        <source>L</source>
        <translation>晚</translation>
    </message>
    <message>
        <source>V</source>
        <translation>变</translation>
    </message>
    <message>
        <source>P</source>
        <translation>延</translation>
    </message>
    <message>
        <source>D</source>
        <translation>减</translation>
    </message>
    <message>
        <source>Maternal heart rate (recorded channel)</source>
        <translation>母体心率（记录通道）</translation>
    </message>
    <message>
        <source>May be maternal heart rate</source>
        <translation>可能为母体心率</translation>
    </message>
    <message>
        <source>Doubled count</source>
        <translation>倍频计数</translation>
    </message>
    <message>
        <source>Halved count or maternal heart rate</source>
        <translation>半频计数或母体心率</translation>
    </message>
    <message>
        <source>Artefact</source>
        <translation>伪差</translation>
    </message>
</context>
<context>
    <name>CtgTraceImport</name>
    <message>
        <source>The file holds no fetal heart rate samples.</source>
        <translation>该文件中没有胎心率数据。</translation>
    </message>
</context>
<context>
    <name>CtgTracesView</name>
    <message>
        <source>&amp;Import trace…</source>
        <translation>导入监护记录(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>记录时间</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>GA</source>
        <translation>孕周</translation>
    </message>
    <message>
        <source>FIGO</source>
        <translation>FIGO</translation>
    </message>
    <message>
        <source>NICHD</source>
        <translation>NICHD</translation>
    </message>
    <message>
        <source>Interpretation</source>
        <translation>判读</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>A fetal monitor&apos;s export: CSV (time_s, fhr_bpm, toco) or PhysioNet WFDB (.hea)</source>
        <translation>胎心监护仪导出文件：CSV（time_s, fhr_bpm, toco）或 PhysioNet WFDB（.hea）</translation>
    </message>
    <message>
        <source>Open a woman&apos;s chart with a current pregnancy to see and import her fetal heart traces.</source>
        <translation>请打开有本次妊娠的孕妇档案，以查看和导入她的胎心监护记录。</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>not yet interpreted</source>
        <translation>尚未判读</translation>
    </message>
    <message>
        <source>signed by %1</source>
        <translation>%1 已签名</translation>
    </message>
    <message>
        <source>No fetal heart traces yet. Import a monitor&apos;s file to read it on CTG paper.</source>
        <translation>尚无胎心监护记录。导入监护仪文件即可在监护图纸上阅读。</translation>
    </message>
    <message numerus="yes">
        <source>%n trace(s)</source>
        <translation>
            <numerusform>%n 份监护记录</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pathological or category III</source>
        <translation>
            <numerusform>%n 份病理性或 III 类</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — samples still at the regional center</source>
        <translation>%1 — 监护数据尚在区域中心</translation>
    </message>
    <message>
        <source>Opening the trace fetches its samples from the regional center.</source>
        <translation>打开该监护图时将从区域中心获取其数据。</translation>
    </message>
    <message numerus="yes">
        <source>%n to fetch from the regional center</source>
        <translation>
            <numerusform>%n 份待从区域中心获取</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CtgViewer</name>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>Save &amp;draft</source>
        <translation>保存草稿(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Sign…</source>
        <translation>签名(&amp;S)…</translation>
    </message>
    <message>
        <source>Fetal heart trace (CTG)</source>
        <translation>胎心监护（CTG）</translation>
    </message>
    <message>
        <source>%1 cm/min</source>
        <translation>%1 cm/min</translation>
    </message>
    <message>
        <source>Chart speed (走纸速度): centimetres of paper per minute, at true size on this screen</source>
        <translation>走纸速度：每分钟走纸厘米数，在本屏幕上按实际尺寸显示</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Depth / height</source>
        <translation>幅度</translation>
    </message>
    <message>
        <source>Annotation</source>
        <translation>标注</translation>
    </message>
    <message>
        <source>By</source>
        <translation>标注人</translation>
    </message>
    <message>
        <source>Interpretation (判读): baseline, variability, accelerations, decelerations, classification and what is to be done</source>
        <translation>判读：基线、变异、加速、减速、分类及处理意见</translation>
    </message>
    <message>
        <source>Zoom out (−, Ctrl+wheel)</source>
        <translation>缩小（−，Ctrl+滚轮）</translation>
    </message>
    <message>
        <source>Zoom in (+, Ctrl+wheel)</source>
        <translation>放大（+，Ctrl+滚轮）</translation>
    </message>
    <message>
        <source>Paper scale</source>
        <translation>实际走纸比例</translation>
    </message>
    <message>
        <source>Back to the true paper scale (0)</source>
        <translation>恢复实际走纸比例（0）</translation>
    </message>
    <message>
        <source>&amp;Print / PDF…</source>
        <translation>打印 / PDF(&amp;P)…</translation>
    </message>
    <message>
        <source>The whole trace on A4 at the chosen chart speed, 1 cm of paper per cm</source>
        <translation>按所选走纸速度将整份记录打印到A4纸上，纸上1厘米即1厘米</translation>
    </message>
    <message>
        <source>FIGO:</source>
        <translation>FIGO：</translation>
    </message>
    <message>
        <source>NICHD:</source>
        <translation>NICHD：</translation>
    </message>
    <message>
        <source>Chart speed:</source>
        <translation>走纸速度：</translation>
    </message>
    <message>
        <source>Drag or scroll to move along the trace; click an event to select it; double-click the paper to annotate that moment.</source>
        <translation>拖动或滚动以沿记录移动；单击事件可选中；双击图纸可在该时刻添加标注。</translation>
    </message>
    <message>
        <source>Detected events</source>
        <translation>识别的事件</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>标注</translation>
    </message>
    <message>
        <source>&amp;Annotate…</source>
        <translation>标注(&amp;A)…</translation>
    </message>
    <message>
        <source>A note at the middle of the paper shown (or double-click the paper)</source>
        <translation>在当前图纸中间时刻添加标注（或双击图纸）</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>删除(&amp;R)</translation>
    </message>
    <message>
        <source>Interpretation (判读)</source>
        <translation>判读</translation>
    </message>
    <message>
        <source>Analysing the trace…</source>
        <translation>正在分析监护记录…</translation>
    </message>
    <message>
        <source>Fetal heart trace (CTG) — %1</source>
        <translation>胎心监护（CTG）— %1</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>baseline %1 bpm</source>
        <translation>基线 %1 次/分</translation>
    </message>
    <message numerus="yes">
        <source>%n acceleration(s)</source>
        <translation>
            <numerusform>加速 %n 次</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n deceleration(s)</source>
        <translation>
            <numerusform>减速 %n 次</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n contraction(s)</source>
        <translation>
            <numerusform>宫缩 %n 次</numerusform>
        </translation>
    </message>
    <message>
        <source>NST reactive</source>
        <translation>NST 有反应</translation>
    </message>
    <message>
        <source>NST non-reactive</source>
        <translation>NST 无反应</translation>
    </message>
    <message>
        <source>signal lost %1%</source>
        <translation>信号丢失 %1%</translation>
    </message>
    <message>
        <source>%1 units</source>
        <translation>%1 单位</translation>
    </message>
    <message>
        <source>%1 bpm</source>
        <translation>%1 次/分</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Signed by %1, %2&lt;/b&gt; (read-only)&lt;br&gt;%3&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;%1 签名，%2&lt;/b&gt;（只读）&lt;br&gt;%3&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Signed interpretations stay as they are; write here to add another.</source>
        <translation>已签名的判读不可更改；如需补充，请在此另写一份。</translation>
    </message>
    <message>
        <source>True paper scale: %1 cm/min, %2 bpm/cm (screen %3 dpi)</source>
        <translation>实际走纸比例：%1 cm/min，%2 次/分/cm（屏幕 %3 dpi）</translation>
    </message>
    <message>
        <source>Zoomed %1% — not paper scale</source>
        <translation>已缩放至 %1% — 非实际走纸比例</translation>
    </message>
    <message>
        <source>Annotate the trace</source>
        <translation>标注监护记录</translation>
    </message>
    <message>
        <source>Note at %1:</source>
        <translation>%1 的标注：</translation>
    </message>
    <message>
        <source>Draft saved.</source>
        <translation>草稿已保存。</translation>
    </message>
    <message>
        <source>Write the interpretation before signing it.</source>
        <translation>请先填写判读内容再签名。</translation>
    </message>
    <message>
        <source>Sign the interpretation</source>
        <translation>判读签名</translation>
    </message>
    <message>
        <source>Sign this interpretation as %1? Once signed it cannot be changed.</source>
        <translation>以 %1 的身份签署此判读？签名后不能再修改。</translation>
    </message>
    <message>
        <source>Interpretation signed.</source>
        <translation>判读已签名。</translation>
    </message>
    <message>
        <source>ctg-%1.pdf</source>
        <translation>胎心监护-%1.pdf</translation>
    </message>
    <message>
        <source>Print the trace to PDF</source>
        <translation>将监护记录打印为PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) written at paper scale.</source>
        <translation>
            <numerusform>已按实际走纸比例输出 %n 页。</numerusform>
        </translation>
    </message>
    <message>
        <source>trustworthy signal %1%</source>
        <translation>可信信号 %1%</translation>
    </message>
    <message>
        <source>%1–%2 (%3)</source>
        <translation>%1–%2（%3）</translation>
    </message>
    <message>
        <source>⚠ Signal may be maternal: the FHR follows the recorded maternal heart rate at %1. Those stretches are left out of the analysis; reposition the transducer and confirm the fetal heart.</source>
        <translation>⚠ 信号可能来自母体：%1 胎心率与记录的母体心率一致。这些片段未纳入分析；请重新放置探头并确认胎心。</translation>
    </message>
    <message>
        <source>⚠ Signal may be maternal at %1: check the maternal pulse against the fetal heart (auscultation or ultrasound) before acting on the trace there.</source>
        <translation>⚠ %1 信号可能来自母体：依据该段曲线处理前，请将母体脉搏与胎心（听诊或超声）进行核对。</translation>
    </message>
</context>
<context>
    <name>CtgWorkbench</name>
    <message>
        <source>FIGO pathological</source>
        <translation>FIGO 病理性</translation>
    </message>
    <message>
        <source>NICHD category III</source>
        <translation>NICHD III 类</translation>
    </message>
    <message>
        <source>Import a fetal heart trace</source>
        <translation>导入胎心监护记录</translation>
    </message>
    <message>
        <source>Fetal monitor files (*.csv *.hea);;CSV (*.csv);;PhysioNet WFDB header (*.hea)</source>
        <translation>胎心监护仪文件 (*.csv *.hea);;CSV (*.csv);;PhysioNet WFDB 头文件 (*.hea)</translation>
    </message>
    <message>
        <source>Reading and analysing %1…</source>
        <translation>正在读取并分析 %1…</translation>
    </message>
    <message>
        <source>%1 was not imported: %2</source>
        <translation>%1 未导入：%2</translation>
    </message>
    <message>
        <source>CTG %1: %2</source>
        <translation>胎心监护 %1：%2</translation>
    </message>
    <message>
        <source>%1 — not yet interpreted</source>
        <translation>%1 — 尚未判读</translation>
    </message>
    <message>
        <source>Fetal heart trace (CTG) %1: %2</source>
        <translation>胎心监护（CTG）%1：%2</translation>
    </message>
</context>
<context>
    <name>DashboardListDialog</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Record no.</source>
        <translation>病历号</translation>
    </message>
    <message>
        <source>Risk color</source>
        <translation>风险颜色</translation>
    </message>
    <message>
        <source>Responsible nurse</source>
        <translation>责任护士</translation>
    </message>
    <message>
        <source>&amp;Open her chart</source>
        <translation>打开档案(&amp;O)</translation>
    </message>
    <message numerus="yes">
        <source>%n woman/women. Double-click a row to open her chart.</source>
        <translation>
            <numerusform>共 %n 人。双击一行打开其档案。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>The database %1 cannot be opened: %2</source>
        <translation>无法打开数据库 %1：%2</translation>
    </message>
    <message>
        <source>The file %1 is damaged or is not an ObsLink database.</source>
        <translation>文件 %1 已损坏或不是 ObsLink 数据库。</translation>
    </message>
</context>
<context>
    <name>DemoCtgTraces</name>
    <message>
        <source>Cannot list the demo pregnancies.</source>
        <translation>无法列出演示孕妇。</translation>
    </message>
</context>
<context>
    <name>DemoDataGenerator</name>
    <message>
        <source>Rest, measure your blood pressure every day; come at once with a headache or blurred vision.</source>
        <translation>注意休息，每天自测血压；如出现头痛或视物模糊，请立即就诊。</translation>
    </message>
    <message>
        <source>The baby is in breech position: we will check again at the next visit.</source>
        <translation>胎儿目前为臀位，下次检查时复查胎位。</translation>
    </message>
</context>
<context>
    <name>DemoReferrals</name>
    <message>
        <source>High-risk obstetrics</source>
        <translation>高危产科</translation>
    </message>
    <message>
        <source>Red grade: needs care at the regional center.</source>
        <translation>红色评级：需转区域中心诊治。</translation>
    </message>
    <message>
        <source>Orange grade: assessment and delivery planning at the regional center.</source>
        <translation>橙色评级：转区域中心评估并制定分娩计划。</translation>
    </message>
</context>
<context>
    <name>DemoStudyWriter</name>
    <message>
        <source>A demo study needs at least one instance, one frame and 16×16 pixels.</source>
        <translation>演示检查至少需要一幅图像、一帧以及 16×16 像素。</translation>
    </message>
    <message>
        <source>The folder %1 cannot be created.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
    <message>
        <source>The demo file %1 cannot be written (%2).</source>
        <translation>无法写入演示文件 %1（%2）。</translation>
    </message>
    <message>
        <source>Demo^Li Na</source>
        <translation>演示^李娜</translation>
    </message>
    <message>
        <source>Second-trimester anomaly scan</source>
        <translation>中孕期胎儿系统超声检查</translation>
    </message>
    <message>
        <source>Demo^Wang Fang</source>
        <translation>演示^王芳</translation>
    </message>
    <message>
        <source>Growth scan</source>
        <translation>胎儿生长发育超声检查</translation>
    </message>
    <message>
        <source>Demo^Zhang Min</source>
        <translation>演示^张敏</translation>
    </message>
    <message>
        <source>Dating scan</source>
        <translation>早孕期超声（核对孕周）</translation>
    </message>
    <message>
        <source>Demo^Liu Yang</source>
        <translation>演示^刘洋</translation>
    </message>
    <message>
        <source>Nuchal translucency scan</source>
        <translation>胎儿颈后透明层（NT）超声检查</translation>
    </message>
    <message>
        <source>Demo^Chen Jing</source>
        <translation>演示^陈静</translation>
    </message>
    <message>
        <source>Third-trimester growth scan</source>
        <translation>晚孕期胎儿生长超声检查</translation>
    </message>
</context>
<context>
    <name>DicomFile</name>
    <message>
        <source>The file %1 does not exist.</source>
        <translation>文件 %1 不存在。</translation>
    </message>
    <message numerus="yes">
        <source>Frame %1 does not exist: the file has %n frame(s), numbered from 0.</source>
        <translation>
            <numerusform>第 %1 帧不存在：文件共有 %n 帧，从 0 开始编号。</numerusform>
        </translation>
    </message>
    <message>
        <source>Not enough memory to read %1.</source>
        <translation>内存不足，无法读取 %1。</translation>
    </message>
    <message>
        <source>%1 is not a readable DICOM file (%2).</source>
        <translation>%1 不是可读取的 DICOM 文件（%2）。</translation>
    </message>
    <message>
        <source>%1 is not a file.</source>
        <translation>%1 不是文件。</translation>
    </message>
    <message>
        <source>The file %1 cannot be read (no permission).</source>
        <translation>无法读取文件 %1（无权限）。</translation>
    </message>
    <message>
        <source>The file %1 is empty.</source>
        <translation>文件 %1 为空。</translation>
    </message>
    <message>
        <source>%1 is not a DICOM file.</source>
        <translation>%1 不是 DICOM 文件。</translation>
    </message>
    <message>
        <source>The header of %1 cannot be read.</source>
        <translation>无法读取 %1 的文件头。</translation>
    </message>
    <message>
        <source>Not enough memory to display frame %1.</source>
        <translation>内存不足，无法显示第 %1 帧。</translation>
    </message>
    <message>
        <source>Frame %1 cannot be displayed.</source>
        <translation>无法显示第 %1 帧。</translation>
    </message>
    <message>
        <source>The pixel data is not encapsulated.</source>
        <translation>像素数据不是封装格式。</translation>
    </message>
    <message>
        <source>Frame %1 has no compressed data.</source>
        <translation>第 %1 帧没有压缩数据。</translation>
    </message>
</context>
<context>
    <name>DicomReceiver</name>
    <message>
        <source>The AE title must have 1 to 16 characters.</source>
        <translation>AE 名称必须为 1 到 16 个字符。</translation>
    </message>
    <message>
        <source>The DICOM port must be between 1 and 65535.</source>
        <translation>DICOM 端口必须在 1 到 65535 之间。</translation>
    </message>
    <message>
        <source>The inbox folder %1 cannot be created.</source>
        <translation>无法创建收件文件夹 %1。</translation>
    </message>
    <message>
        <source>The DICOM receiver cannot be configured (%1).</source>
        <translation>无法配置 DICOM 接收服务（%1）。</translation>
    </message>
    <message>
        <source>The DICOM receiver cannot listen on port %1 (%2).</source>
        <translation>DICOM 接收服务无法在端口 %1 上监听（%2）。</translation>
    </message>
</context>
<context>
    <name>DicomTagTree</name>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n 个条目</numerusform>
        </translation>
    </message>
    <message>
        <source>Item %1</source>
        <translation>条目 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n 字节</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is not a readable DICOM file (%2).</source>
        <translation>%1 不是可读取的 DICOM 文件（%2）。</translation>
    </message>
</context>
<context>
    <name>DicomViewer</name>
    <message>
        <source>DICOM ultrasound viewer</source>
        <translation>DICOM 超声图像浏览器</translation>
    </message>
    <message>
        <source>Studies and series</source>
        <translation>检查与序列</translation>
    </message>
    <message>
        <source>Fetal biometry</source>
        <translation>胎儿生物测量</translation>
    </message>
    <message>
        <source>DICOM tags</source>
        <translation>DICOM 标签</translation>
    </message>
    <message>
        <source>Draw %1 inside the calibrated area (dashed outline).</source>
        <translation>请在已标定区域（虚线框）内测量%1。</translation>
    </message>
    <message>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <source>Playback speed, relative to the rate the machine acquired</source>
        <translation>播放速度（相对于仪器采集帧率）</translation>
    </message>
    <message>
        <source>Speed:</source>
        <translation>速度：</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open DICOM files…</source>
        <translation>打开 DICOM 文件(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a &amp;folder…</source>
        <translation>打开文件夹(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Close viewer</source>
        <translation>关闭浏览器(&amp;C)</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>工具</translation>
    </message>
    <message>
        <source>Window/level</source>
        <translation>窗宽/窗位</translation>
    </message>
    <message>
        <source>Drag: left/right changes contrast, up/down brightness (right button always)</source>
        <translation>拖动：左右调对比度，上下调亮度（右键随时可用）</translation>
    </message>
    <message>
        <source>Pan</source>
        <translation>平移</translation>
    </message>
    <message>
        <source>Drag to move the image (middle button always); wheel zooms</source>
        <translation>拖动移动图像（中键随时可用）；滚轮缩放</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>距离</translation>
    </message>
    <message>
        <source>Drag from one calliper to the other</source>
        <translation>从一个测量点拖到另一个测量点</translation>
    </message>
    <message>
        <source>Ellipse</source>
        <translation>椭圆</translation>
    </message>
    <message>
        <source>Drag along one axis, move to fit the outline, click: circumference and area</source>
        <translation>沿一条轴拖动，移动鼠标贴合轮廓后单击：测周长和面积</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Clear measurements</source>
        <translation>清除测量(&amp;C)</translation>
    </message>
    <message>
        <source>Window/level presets</source>
        <translation>窗宽/窗位预设</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Reset window/level</source>
        <translation>重置窗宽/窗位(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Invert</source>
        <translation>反相(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Fit to window</source>
        <translation>适应窗口(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;1:1 (actual pixels)</source>
        <translation>&amp;1:1（原始像素）</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Cine</source>
        <translation>动态播放(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Play / pause</source>
        <translation>播放/暂停(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Next frame</source>
        <translation>下一帧(&amp;N)</translation>
    </message>
    <message>
        <source>P&amp;revious frame</source>
        <translation>上一帧(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;First frame</source>
        <translation>第一帧(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Last frame</source>
        <translation>最后一帧(&amp;L)</translation>
    </message>
    <message>
        <source>Frame Time</source>
        <translation>帧时间</translation>
    </message>
    <message>
        <source>Cine Rate</source>
        <translation>动态帧率</translation>
    </message>
    <message>
        <source>rate not in the file, 30 fps assumed</source>
        <translation>文件未记录帧率，按 30 帧/秒播放</translation>
    </message>
    <message>
        <source>%1 — DICOM ultrasound viewer</source>
        <translation>%1 — DICOM 超声图像浏览器</translation>
    </message>
    <message>
        <source>This image carries no calibration: it can be viewed but not measured.</source>
        <translation>此图像没有标定信息：可以查看，但不能测量。</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Play or pause the loop (Space); ← → step one frame</source>
        <translation>播放或暂停动态图（空格键）；← → 逐帧查看</translation>
    </message>
    <message>
        <source>Frame %1 / %2</source>
        <translation>第 %1 / %2 帧</translation>
    </message>
    <message>
        <source>%1 fps (%2)</source>
        <translation>%1 帧/秒（%2）</translation>
    </message>
    <message>
        <source>ID %1</source>
        <translation>ID %1</translation>
    </message>
    <message>
        <source>Study %1</source>
        <translation>检查日期 %1</translation>
    </message>
    <message>
        <source>Series %1</source>
        <translation>序列 %1</translation>
    </message>
    <message>
        <source>Image %1</source>
        <translation>图像 %1</translation>
    </message>
    <message>
        <source>Single frame</source>
        <translation>单帧</translation>
    </message>
    <message>
        <source>Measurable inside the dashed area</source>
        <translation>可在虚线框内测量</translation>
    </message>
    <message>
        <source>Measured by Pixel Spacing (no ultrasound region)</source>
        <translation>按像素间距测量（无超声区域标定）</translation>
    </message>
    <message>
        <source>Not calibrated: no measurements</source>
        <translation>未标定：不能测量</translation>
    </message>
    <message>
        <source>W %1 L %2</source>
        <translation>窗宽 %1 窗位 %2</translation>
    </message>
    <message>
        <source>Zoom %1%</source>
        <translation>缩放 %1%</translation>
    </message>
    <message>
        <source>Open DICOM files</source>
        <translation>打开 DICOM 文件</translation>
    </message>
    <message>
        <source>DICOM files (*.dcm *.DCM *);;All files (*)</source>
        <translation>DICOM 文件 (*.dcm *.DCM *);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Open a folder of DICOM files</source>
        <translation>打开 DICOM 文件夹</translation>
    </message>
    <message>
        <source>&amp;Report…</source>
        <translation>报告(&amp;R)…</translation>
    </message>
    <message>
        <source>Write and sign the ultrasound report of this study</source>
        <translation>书写并签发本检查的超声报告</translation>
    </message>
    <message>
        <source>Machine&apos;s measurements</source>
        <translation>超声仪测量值</translation>
    </message>
    <message>
        <source>The machine&apos;s values are in the biometry panel: check them, then save to the pregnancy.</source>
        <translation>超声仪的测量值已填入生物测量面板：请核对后保存到本次妊娠。</translation>
    </message>
</context>
<context>
    <name>DicomWebClient</name>
    <message>
        <source>%1 is not a valid Study Instance UID.</source>
        <translation>%1 不是有效的检查实例 UID（Study Instance UID）。</translation>
    </message>
    <message>
        <source>The PACS sent no study.</source>
        <translation>PACS 没有发送任何检查。</translation>
    </message>
    <message>
        <source>The PACS sent the study without any instance.</source>
        <translation>PACS 发送的检查中没有任何图像。</translation>
    </message>
    <message>
        <source>%1 is not a DICOM file that can be sent: %2</source>
        <translation>%1 不是可发送的 DICOM 文件：%2</translation>
    </message>
    <message>
        <source>no valid SOP Instance UID</source>
        <translation>没有有效的 SOP 实例 UID</translation>
    </message>
    <message>
        <source>%1 cannot be read.</source>
        <translation>无法读取 %1。</translation>
    </message>
    <message>
        <source>The PACS did not accept %1.</source>
        <translation>PACS 未接收 %1。</translation>
    </message>
</context>
<context>
    <name>EncapsulatedFrames</name>
    <message>
        <source>The compressed pixel data holds %1 fragments for %2 frames.</source>
        <translation>压缩像素数据中有 %1 个片段，对应 %2 帧。</translation>
    </message>
    <message>
        <source>Fragment %1 of the compressed pixel data is unreadable.</source>
        <translation>压缩像素数据的第 %1 个片段无法读取。</translation>
    </message>
    <message>
        <source>The frames of the compressed pixel data cannot be told apart: %1 frames announced, %2 found.</source>
        <translation>无法区分压缩像素数据中的各帧：声明 %1 帧，实际找到 %2 帧。</translation>
    </message>
    <message>
        <source>Frame %1 is not in the compressed pixel data.</source>
        <translation>压缩像素数据中没有第 %1 帧。</translation>
    </message>
    <message>
        <source>Frame %1 cannot be read from the file.</source>
        <translation>无法从文件读取第 %1 帧。</translation>
    </message>
</context>
<context>
    <name>EvidenceText</name>
    <message>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <source>BMI</source>
        <translation>BMI</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>身高</translation>
    </message>
    <message>
        <source>Hb</source>
        <translation>血红蛋白</translation>
    </message>
    <message>
        <source>PLT</source>
        <translation>血小板</translation>
    </message>
    <message>
        <source>Creatinine</source>
        <translation>肌酐</translation>
    </message>
    <message>
        <source>Fetuses</source>
        <translation>胎数</translation>
    </message>
    <message>
        <source>Uterine operations</source>
        <translation>子宫手术次数</translation>
    </message>
    <message>
        <source>Since the last uterine operation</source>
        <translation>距末次子宫手术</translation>
    </message>
    <message>
        <source>HBsAg</source>
        <translation>乙肝表面抗原</translation>
    </message>
    <message>
        <source>Syphilis</source>
        <translation>梅毒</translation>
    </message>
    <message>
        <source>HIV</source>
        <translation>HIV</translation>
    </message>
    <message>
        <source>Visits with BP ≥140/90</source>
        <translation>血压≥140/90的产检次数</translation>
    </message>
    <message>
        <source>Visits with BP ≥160/110</source>
        <translation>血压≥160/110的产检次数</translation>
    </message>
    <message>
        <source>Malpresentation at ≥36 weeks</source>
        <translation>≥36周胎位不正</translation>
    </message>
    <message>
        <source>ticked by a clinician</source>
        <translation>医生勾选</translation>
    </message>
    <message>
        <source>positive</source>
        <translation>阳性</translation>
    </message>
    <message>
        <source>negative</source>
        <translation>阴性</translation>
    </message>
    <message>
        <source>%1 years</source>
        <translation>%1岁</translation>
    </message>
    <message>
        <source>%1 months</source>
        <translation>%1个月</translation>
    </message>
    <message>
        <source>Booking record %1: %2</source>
        <translation>建档记录 %1：%2</translation>
    </message>
    <message>
        <source>Visit %1: %2</source>
        <translation>产检 %1：%2</translation>
    </message>
    <message>
        <source>Lab %1: %2</source>
        <translation>检验 %1：%2</translation>
    </message>
    <message>
        <source>Ticked finding %1 by %2</source>
        <translation>%2 于 %1 勾选</translation>
    </message>
    <message>
        <source>Screening %1 by %2</source>
        <translation>%2 于 %1 筛查</translation>
    </message>
    <message>
        <source>Screening %1 by %2: %3</source>
        <translation>%2 于 %1 筛查：%3</translation>
    </message>
</context>
<context>
    <name>FetalGrowth</name>
    <message>
        <source>%1 (outside the standard&apos;s weeks)</source>
        <translation>%1（超出该标准的孕周范围）</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>FetalGrowthPanel</name>
    <message>
        <source>INTERGROWTH-21st</source>
        <translation>INTERGROWTH-21st</translation>
    </message>
    <message>
        <source>Hadlock</source>
        <translation>Hadlock</translation>
    </message>
    <message>
        <source>The growth standard whose centiles the scans are plotted on</source>
        <translation>绘制各次超声检查所用百分位曲线的生长标准</translation>
    </message>
    <message>
        <source>Exam date</source>
        <translation>检查日期</translation>
    </message>
    <message>
        <source>GA by dates</source>
        <translation>按预产期孕周</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>发现</translation>
    </message>
    <message>
        <source>&lt;b&gt;Fetal growth&lt;/b&gt;</source>
        <translation>&lt;b&gt;胎儿生长&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&amp;Standard:</source>
        <translation>标准(&amp;S)：</translation>
    </message>
    <message>
        <source>No scan to chart yet.</source>
        <translation>尚无可绘制的超声检查。</translation>
    </message>
    <message>
        <source>Latest scan: no SGA, FGR or LGA finding by %1.</source>
        <translation>最近一次检查：按 %1 无 SGA、FGR 或 LGA 发现。</translation>
    </message>
    <message>
        <source>Listed on the Risk tab for the clinician to weigh; the grade is not changed by it.</source>
        <translation>已列入“风险”页供医生斟酌，不会自动改变分级。</translation>
    </message>
    <message>
        <source>no dating</source>
        <translation>未确定孕周</translation>
    </message>
    <message>
        <source>z %1</source>
        <translation>z 值 %1</translation>
    </message>
    <message>
        <source>%1 (%2) by gestational age</source>
        <translation>%1（%2）随孕周变化</translation>
    </message>
    <message>
        <source>Gestational age (weeks)</source>
        <translation>孕周（周）</translation>
    </message>
    <message>
        <source>expected size</source>
        <translation>该孕周预期值</translation>
    </message>
    <message>
        <source>%1. EFW by %2.</source>
        <translation>%1。估计胎儿体重按 %2 公式计算。</translation>
    </message>
    <message>
        <source>%1. This standard gives only the expected size for dates, no centiles.</source>
        <translation>%1。该标准仅给出各孕周的预期值，无百分位。</translation>
    </message>
    <message>
        <source>this pregnancy</source>
        <translation>本次妊娠</translation>
    </message>
    <message>
        <source>outside P%1–P%2</source>
        <translation>超出 P%1–P%2</translation>
    </message>
    <message numerus="yes">
        <source>%n fetuses: these standards are for singletons, and the exams are not told apart by fetus. Judge each fetus&apos;s growth on its own measurements.</source>
        <translation>
            <numerusform>%n 胎妊娠：这些标准适用于单胎，且各次检查未区分胎儿。请按每个胎儿各自的测量值判断其生长。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FhirApi</name>
    <message>
        <source>The FHIR endpoints are read-only: use GET.</source>
        <translation>FHIR 接口为只读：请使用 GET。</translation>
    </message>
    <message>
        <source>Not logged in.</source>
        <translation>未登录。</translation>
    </message>
    <message>
        <source>There is no CodeSystem %1.</source>
        <translation>不存在代码系统 %1。</translation>
    </message>
    <message>
        <source>This server does not serve %1.</source>
        <translation>本服务器不提供 %1。</translation>
    </message>
    <message>
        <source>There is no %1 with the id %2 that you may read.</source>
        <translation>不存在您有权读取的、标识为 %2 的 %1。</translation>
    </message>
</context>
<context>
    <name>FhirCapability</name>
    <message>
        <source>The resource id.</source>
        <translation>资源标识。</translation>
    </message>
    <message>
        <source>Resources per page (default 50, at most 500).</source>
        <translation>每页资源数（默认 50，最多 500）。</translation>
    </message>
    <message>
        <source>The opaque cursor of a next link.</source>
        <translation>下一页链接中的不透明游标。</translation>
    </message>
    <message>
        <source>The national ID or record number, as system|value or value.</source>
        <translation>身份证号或档案号，格式为 system|value 或 value。</translation>
    </message>
    <message>
        <source>The woman, as Patient/ID.</source>
        <translation>孕产妇，格式为 Patient/ID。</translation>
    </message>
    <message>
        <source>ObsLink regional center, read-only FHIR R4</source>
        <translation>ObsLink 区域中心，只读 FHIR R4</translation>
    </message>
    <message>
        <source>HTTPS only. A bearer access token from POST /api/v1/login; a clinic&apos;s users read the women registered at or referred to their clinic, the platform role and the center&apos;s staff read the region.</source>
        <translation>仅限 HTTPS。使用 POST /api/v1/login 获得的 Bearer 访问令牌；机构用户可读取在本机构建档或转诊至本机构的孕产妇，平台角色和中心工作人员可读取全区域。</translation>
    </message>
</context>
<context>
    <name>FhirCodes</name>
    <message>
        <source>The FHIR code table %1 cannot be read.</source>
        <translation>无法读取 FHIR 代码表 %1。</translation>
    </message>
    <message>
        <source>The FHIR code table is not valid JSON: %1.</source>
        <translation>FHIR 代码表不是有效的 JSON：%1。</translation>
    </message>
    <message>
        <source>The FHIR code table names no system &quot;%1&quot;.</source>
        <translation>FHIR 代码表未定义代码系统“%1”。</translation>
    </message>
    <message>
        <source>The FHIR code &quot;%1&quot; in %2 has no display text.</source>
        <translation>%2 中的 FHIR 代码“%1”缺少显示名称。</translation>
    </message>
    <message>
        <source>The FHIR code table lacks &quot;%1&quot; in %2.</source>
        <translation>FHIR 代码表的 %2 中缺少“%1”。</translation>
    </message>
    <message>
        <source>The FHIR code table lacks the qualitative, episode or report codes.</source>
        <translation>FHIR 代码表缺少定性结果、专案或报告代码。</translation>
    </message>
</context>
<context>
    <name>FhirMapper</name>
    <message>
        <source>Pregnancy %1</source>
        <translation>妊娠 %1</translation>
    </message>
    <message>
        <source>Baseline fetal heart rate</source>
        <translation>胎心率基线</translation>
    </message>
    <message>
        <source>FIGO 2015 classification</source>
        <translation>FIGO 2015 分类</translation>
    </message>
    <message>
        <source>Obstetric ultrasound</source>
        <translation>产科超声</translation>
    </message>
</context>
<context>
    <name>FhirRecordExport</name>
    <message>
        <source>The clinic database cannot be read: %1</source>
        <translation>无法读取机构数据库：%1</translation>
    </message>
    <message>
        <source>There is no database file %1.</source>
        <translation>数据库文件 %1 不存在。</translation>
    </message>
    <message>
        <source>The clinic database cannot be opened: %1</source>
        <translation>无法打开机构数据库：%1</translation>
    </message>
    <message>
        <source>There is no woman with the id %1 in this database.</source>
        <translation>此数据库中没有标识为 %1 的孕产妇。</translation>
    </message>
</context>
<context>
    <name>FhirSearch</name>
    <message>
        <source>This server does not serve %1 resources.</source>
        <translation>本服务器不提供 %1 资源。</translation>
    </message>
    <message>
        <source>_count must be a positive whole number.</source>
        <translation>_count 必须是正整数。</translation>
    </message>
    <message>
        <source>The page link is not one this server issued.</source>
        <translation>该分页链接不是本服务器签发的。</translation>
    </message>
    <message>
        <source>_id is not a valid resource id.</source>
        <translation>_id 不是有效的资源标识。</translation>
    </message>
    <message>
        <source>%1 must name a patient as Patient/ID.</source>
        <translation>%1 必须以 Patient/ID 的形式指明孕产妇。</translation>
    </message>
    <message>
        <source>identifier needs a value (system|value).</source>
        <translation>identifier 需要一个值（system|value）。</translation>
    </message>
    <message>
        <source>This server speaks FHIR JSON only.</source>
        <translation>本服务器仅支持 FHIR JSON。</translation>
    </message>
    <message>
        <source>The search parameter &quot;%1&quot; is not supported for %2.</source>
        <translation>%2 不支持检索参数“%1”。</translation>
    </message>
</context>
<context>
    <name>FindingsDialog</name>
    <message>
        <source>Color</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Show only items that apply or are suggested</source>
        <translation>只显示已符合或提示的项目</translation>
    </message>
    <message>
        <source>Risk assessment form (评估) — %1</source>
        <translation>妊娠风险评估（评估）—— %1</translation>
    </message>
    <message>
        <source>Item (tick what you found)</source>
        <translation>项目（勾选发现的情况）</translation>
    </message>
    <message>
        <source>From the record / to confirm</source>
        <translation>来自记录 / 待确认</translation>
    </message>
    <message>
        <source>Computed from the record: does not apply now</source>
        <translation>由记录自动计算：目前不符合</translation>
    </message>
    <message>
        <source>From the record: %1</source>
        <translation>来自记录：%1</translation>
    </message>
    <message>
        <source>Suggested, please confirm: %1</source>
        <translation>系统提示，请确认：%1</translation>
    </message>
    <message>
        <source>Suggested by the screening: %1</source>
        <translation>筛查提示：%1</translation>
    </message>
    <message>
        <source>Tick what you found. Blue rows are computed from the data already entered (from the record); highlighted rows are suggested by the data or the screening and count only once you tick them. The grade is proposed from both and decided by you.</source>
        <translation>请勾选发现的情况。蓝色行由已录入的数据自动计算（来自记录）；高亮行为数据或筛查提示的项目，只有勾选后才计入。系统据此建议分级，由您最终确定。</translation>
    </message>
    <message>
        <source>Save findings</source>
        <translation>保存评估结果</translation>
    </message>
    <message>
        <source>From the record: %1 · Suggested, still to confirm: %2 · Ticked: %3</source>
        <translation>来自记录：%1 项 · 提示待确认：%2 项 · 已勾选：%3 项</translation>
    </message>
    <message>
        <source>Find an item by words, pinyin or id (e.g. 心肌病, xjb, anaemia, red.1.1)</source>
        <translation>按文字、拼音或编号查找条目（例如 心肌病、xjb、anaemia、red.1.1）</translation>
    </message>
</context>
<context>
    <name>FormDraft</name>
    <message>
        <source>Close the form</source>
        <translation>关闭表单</translation>
    </message>
    <message>
        <source>Keep what you typed as a draft for next time?</source>
        <translation>是否将已填写的内容保存为草稿，下次继续？</translation>
    </message>
</context>
<context>
    <name>FormFields</name>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>保存（Ctrl+S）</translation>
    </message>
</context>
<context>
    <name>FractionalPolynomial</name>
    <message>
        <source>%1: an equation needs &quot;terms&quot;, each [coefficient, power, power of ln], all numbers.</source>
        <translation>%1：方程需要 &quot;terms&quot;，每项为 [系数, 幂次, ln 的幂次]，均为数字。</translation>
    </message>
</context>
<context>
    <name>FrameRenderer</name>
    <message>
        <source>Not enough memory to display frame %1.</source>
        <translation>内存不足，无法显示第 %1 帧。</translation>
    </message>
    <message>
        <source>Frame %1 uses an encoding that cannot be displayed (%2).</source>
        <translation>第 %1 帧使用了无法显示的编码（%2）。</translation>
    </message>
    <message>
        <source>Frame %1 cannot be displayed (%2).</source>
        <translation>无法显示第 %1 帧（%2）。</translation>
    </message>
    <message>
        <source>Frame %1 cannot be selected.</source>
        <translation>无法选择第 %1 帧。</translation>
    </message>
    <message>
        <source>Frame %1 cannot be rendered.</source>
        <translation>无法渲染第 %1 帧。</translation>
    </message>
    <message>
        <source>Frame %1 cannot be displayed (attributes missing).</source>
        <translation>无法显示第 %1 帧（缺少属性）。</translation>
    </message>
    <message>
        <source>Frame %1 cannot be decoded (%2).</source>
        <translation>无法解码第 %1 帧（%2）。</translation>
    </message>
    <message>
        <source>A JPEG 2000 frame with %1 components cannot be displayed.</source>
        <translation>无法显示含 %1 个分量的 JPEG 2000 帧。</translation>
    </message>
</context>
<context>
    <name>GradingService</name>
    <message>
        <source>There is no pregnancy to grade.</source>
        <translation>没有可评估的妊娠。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a grade of the active rule set.</source>
        <translation>“%1”不是当前规则集中的分级。</translation>
    </message>
    <message>
        <source>A grade is decided by a named clinician.</source>
        <translation>分级须由具名的临床医生确定。</translation>
    </message>
    <message>
        <source>Give the reason for grading differently from the proposal.</source>
        <translation>请填写与系统建议分级不同的理由。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a finding of the active rule set.</source>
        <translation>“%1”不是当前规则集中可勾选的条目。</translation>
    </message>
</context>
<context>
    <name>GrowthCurve</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>every curve cites its source.</source>
        <translation>每条曲线都须注明出处。</translation>
    </message>
    <message>
        <source>&quot;weeks&quot; is [first, last] gestational week.</source>
        <translation>&quot;weeks&quot; 应为 [起始, 结束] 孕周。</translation>
    </message>
    <message>
        <source>the weeks must lie between 8 and 44, first before last.</source>
        <translation>孕周须在 8 至 44 之间，且起始早于结束。</translation>
    </message>
    <message>
        <source>&quot;centiles&quot; rise strictly between 0 and 100.</source>
        <translation>&quot;centiles&quot; 须在 0 至 100 之间严格递增。</translation>
    </message>
    <message>
        <source>a centile table prints at least two centiles.</source>
        <translation>百分位表至少须列出两个百分位。</translation>
    </message>
    <message>
        <source>each row is its week and one number per centile.</source>
        <translation>每行须为孕周加每个百分位一个数值。</translation>
    </message>
    <message>
        <source>the row for week %1 does not rise with the centile.</source>
        <translation>第 %1 周一行的数值未随百分位递增。</translation>
    </message>
    <message>
        <source>the rows follow one another week by week.</source>
        <translation>各行须逐周连续。</translation>
    </message>
    <message>
        <source>the rows cover the weeks of the curve.</source>
        <translation>各行须覆盖曲线的孕周范围。</translation>
    </message>
    <message>
        <source>unknown model &quot;%1&quot;.</source>
        <translation>未知模型 &quot;%1&quot;。</translation>
    </message>
    <message>
        <source>%1: the median does not grow with gestational age at %2 weeks: check the coefficients.</source>
        <translation>%1：中位数在 %2 周处未随孕周增长，请检查系数。</translation>
    </message>
    <message>
        <source>%1: the centiles are not in order at %2 weeks: check the coefficients.</source>
        <translation>%1：%2 周处百分位顺序不正确，请检查系数。</translation>
    </message>
</context>
<context>
    <name>GrowthFinding</name>
    <message>
        <source>Small for gestational age (SGA)</source>
        <translation>小于胎龄儿（SGA）</translation>
    </message>
    <message>
        <source>Fetal growth restriction (FGR)</source>
        <translation>胎儿生长受限（FGR）</translation>
    </message>
    <message>
        <source>Large for gestational age (LGA)</source>
        <translation>大于胎龄儿（LGA）</translation>
    </message>
    <message>
        <source>&lt;P%1</source>
        <translation>&lt;P%1</translation>
    </message>
    <message>
        <source>&gt;P%1</source>
        <translation>&gt;P%1</translation>
    </message>
    <message>
        <source>P%1</source>
        <translation>P%1</translation>
    </message>
    <message>
        <source>%1 g</source>
        <translation>%1 克</translation>
    </message>
    <message>
        <source>%1 mm</source>
        <translation>%1 毫米</translation>
    </message>
    <message>
        <source>%1 %2 on %3 (%4) is at %5 of %6.</source>
        <translation>%3（%4）%1 %2，位于 %6 的 %5。</translation>
    </message>
    <message numerus="yes">
        <source>%1 It was at %2 on %3 (%4): %n major centile(s) crossed downwards.</source>
        <translation>
            <numerusform>%1 %3（%4）时位于 %2：向下跨越 %n 条主要百分位线。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2 %3 at %4</source>
        <translation>%1：%4 时 %2 %3</translation>
    </message>
</context>
<context>
    <name>GrowthFindingRules</name>
    <message>
        <source>Growth finding rules: %1</source>
        <translation>胎儿生长发现规则：%1</translation>
    </message>
    <message>
        <source>the rules cite their source.</source>
        <translation>规则须注明出处。</translation>
    </message>
    <message>
        <source>unknown measure &quot;%1&quot;.</source>
        <translation>未知测量项 &quot;%1&quot;。</translation>
    </message>
    <message>
        <source>no measure is judged.</source>
        <translation>未指定任何判断的测量项。</translation>
    </message>
    <message>
        <source>the centile limits lie between 0 and 100, FGR below SGA below LGA.</source>
        <translation>百分位界值须在 0 至 100 之间，且 FGR 低于 SGA 低于 LGA。</translation>
    </message>
    <message>
        <source>the major centiles rise between 0 and 100.</source>
        <translation>主要百分位须在 0 至 100 之间递增。</translation>
    </message>
    <message>
        <source>&quot;fgrCrossedCentiles&quot; is at least 1 and fewer than the major centiles.</source>
        <translation>&quot;fgrCrossedCentiles&quot; 至少为 1，且少于主要百分位的数目。</translation>
    </message>
</context>
<context>
    <name>GrowthMeasures</name>
    <message>
        <source>Estimated fetal weight</source>
        <translation>估计胎儿体重</translation>
    </message>
</context>
<context>
    <name>GrowthStandard</name>
    <message>
        <source>There is no growth standard &quot;%1&quot;.</source>
        <translation>没有名为 &quot;%1&quot; 的生长标准。</translation>
    </message>
    <message>
        <source>The growth standard %1 cannot be read.</source>
        <translation>无法读取生长标准 %1。</translation>
    </message>
    <message>
        <source>The growth standard is not valid JSON: %1</source>
        <translation>生长标准不是有效的 JSON：%1</translation>
    </message>
    <message>
        <source>A growth standard needs an &quot;id&quot; and a &quot;name&quot;.</source>
        <translation>生长标准需要 &quot;id&quot; 和 &quot;name&quot;。</translation>
    </message>
    <message>
        <source>%1: &quot;efwFormula&quot; is &quot;intergrowth-2017&quot; or &quot;hadlock-1985&quot;.</source>
        <translation>%1：&quot;efwFormula&quot; 应为 &quot;intergrowth-2017&quot; 或 &quot;hadlock-1985&quot;。</translation>
    </message>
    <message>
        <source>%1: the curve is missing.</source>
        <translation>%1：缺少该曲线。</translation>
    </message>
    <message>
        <source>Hadlock 1985</source>
        <translation>Hadlock 1985</translation>
    </message>
    <message>
        <source>INTERGROWTH-21st (HC, AC)</source>
        <translation>INTERGROWTH-21st（HC、AC）</translation>
    </message>
</context>
<context>
    <name>HadlockWeight</name>
    <message>
        <source>The estimated fetal weight needs at least AC and FL.</source>
        <translation>估计胎儿体重至少需要腹围（AC）和股骨长（FL）。</translation>
    </message>
    <message>
        <source>Hadlock 1985 (BPD, HC, AC, FL)</source>
        <translation>Hadlock 1985（BPD、HC、AC、FL）</translation>
    </message>
    <message>
        <source>Hadlock 1985 (HC, AC, FL)</source>
        <translation>Hadlock 1985（HC、AC、FL）</translation>
    </message>
    <message>
        <source>Hadlock 1985 (BPD, AC, FL)</source>
        <translation>Hadlock 1985（BPD、AC、FL）</translation>
    </message>
    <message>
        <source>Hadlock 1985 (AC, FL)</source>
        <translation>Hadlock 1985（AC、FL）</translation>
    </message>
</context>
<context>
    <name>HandoutDocument</name>
    <message>
        <source>The PDF file %1 cannot be written.</source>
        <translation>无法写入PDF文件 %1。</translation>
    </message>
</context>
<context>
    <name>HandoutExport</name>
    <message>
        <source>She has no current pregnancy to print a handout of.</source>
        <translation>她没有当前妊娠，无法打印告知单。</translation>
    </message>
    <message>
        <source>Record a visit before printing her visit slip.</source>
        <translation>请先记录一次产前检查，再打印产前检查告知单。</translation>
    </message>
    <message>
        <source>Visit slip as &amp;PDF…</source>
        <translation>产前检查告知单导出为&amp;PDF…</translation>
    </message>
    <message>
        <source>&amp;Print visit slip…</source>
        <translation>打印产前检查告知单(&amp;P)…</translation>
    </message>
    <message>
        <source>Antenatal &amp;record as PDF…</source>
        <translation>产前检查记录导出为PDF(&amp;R)…</translation>
    </message>
    <message>
        <source>Print antenatal r&amp;ecord…</source>
        <translation>打印产前检查记录(&amp;E)…</translation>
    </message>
    <message>
        <source>Open her chart first.</source>
        <translation>请先打开她的病历。</translation>
    </message>
    <message>
        <source>Save handout as PDF</source>
        <translation>将告知单保存为PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF文件 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>HandoutTexts</name>
    <message>
        <source>The handout texts %1 cannot be read.</source>
        <translation>无法读取告知单文本 %1。</translation>
    </message>
    <message>
        <source>The handout texts are not valid JSON: %1.</source>
        <translation>告知单文本不是有效的JSON：%1。</translation>
    </message>
    <message>
        <source>The handout texts have no version.</source>
        <translation>告知单文本缺少版本号。</translation>
    </message>
    <message>
        <source>The handout texts lack the Chinese or English label or meaning of the grade %1.</source>
        <translation>告知单文本缺少分级 %1 的中文或英文名称或说明。</translation>
    </message>
    <message>
        <source>The handout texts lack the warning signs.</source>
        <translation>告知单文本缺少危险征象提示。</translation>
    </message>
    <message>
        <source>The appointment window starting at week %1 of the handout texts is not valid: windows must follow each other from week 0 without gaps, each with both texts.</source>
        <translation>告知单文本中从第 %1 周开始的预约时段无效：各时段须从第0周起首尾相接、不留空隙，且都有中英文说明。</translation>
    </message>
    <message>
        <source>The handout texts have no appointment windows.</source>
        <translation>告知单文本没有预约时段。</translation>
    </message>
</context>
<context>
    <name>HanziReadings</name>
    <message>
        <source>The table of Chinese character readings %1 cannot be read.</source>
        <translation>无法读取汉字读音表 %1。</translation>
    </message>
    <message>
        <source>Line %1 of the table of Chinese character readings %2 is not a character, a tab and its readings.</source>
        <translation>汉字读音表 %2 第 %1 行不是“汉字、制表符、读音”的格式。</translation>
    </message>
    <message>
        <source>The table of Chinese character readings %1 holds no character.</source>
        <translation>汉字读音表 %1 中没有任何汉字。</translation>
    </message>
</context>
<context>
    <name>HighRiskRegister</name>
    <message>
        <source>%1-%2 is not a month.</source>
        <translation>%1-%2 不是有效的月份。</translation>
    </message>
    <message>
        <source>Record no.</source>
        <translation>病历号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>National ID</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <source>GA at month end</source>
        <translation>月末孕周</translation>
    </message>
    <message>
        <source>EDD</source>
        <translation>预产期</translation>
    </message>
    <message>
        <source>Risk color</source>
        <translation>风险颜色</translation>
    </message>
    <message>
        <source>Infectious (purple)</source>
        <translation>传染病（紫色）</translation>
    </message>
    <message>
        <source>Case opened</source>
        <translation>专案建立日期</translation>
    </message>
    <message>
        <source>Report due</source>
        <translation>应上报日期</translation>
    </message>
    <message>
        <source>Reported on</source>
        <translation>上报日期</translation>
    </message>
    <message>
        <source>Report status</source>
        <translation>上报状态</translation>
    </message>
    <message>
        <source>Responsible doctor</source>
        <translation>责任医生</translation>
    </message>
    <message>
        <source>Responsible nurse</source>
        <translation>责任护士</translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation>结案日期</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>转归</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>IdentityMatch</name>
    <message>
        <source>same ID number</source>
        <translation>身份证号相同</translation>
    </message>
    <message>
        <source>same name and birth date</source>
        <translation>姓名和出生日期相同</translation>
    </message>
    <message>
        <source>same name and phone</source>
        <translation>姓名和电话相同</translation>
    </message>
    <message>
        <source>same phone and birth date</source>
        <translation>电话和出生日期相同</translation>
    </message>
</context>
<context>
    <name>IdentityStore</name>
    <message>
        <source>The user name or password is wrong.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <source>Unknown role &quot;%1&quot;; use one of: %2.</source>
        <translation>未知角色“%1”；请使用以下之一：%2。</translation>
    </message>
    <message>
        <source>A password needs at least 8 characters.</source>
        <translation>密码至少需要 8 个字符。</translation>
    </message>
    <message>
        <source>The session has ended; please log in again.</source>
        <translation>会话已结束，请重新登录。</translation>
    </message>
    <message>
        <source>Not logged in.</source>
        <translation>未登录。</translation>
    </message>
    <message>
        <source>The access token has expired.</source>
        <translation>访问令牌已过期。</translation>
    </message>
    <message>
        <source>Your password was set by an administrator: choose your own to sign in.</source>
        <translation>您的密码由管理员设置：请设置您自己的密码后登录。</translation>
    </message>
</context>
<context>
    <name>InstanceFileSink</name>
    <message>
        <source>The PACS sent a part that is not a DICOM instance.</source>
        <translation>PACS 发送的某一分段不是 DICOM 图像。</translation>
    </message>
    <message>
        <source>The study cannot be written to %1.</source>
        <translation>无法将检查写入 %1。</translation>
    </message>
    <message>
        <source>The study cannot be written to %1 (disk full?).</source>
        <translation>无法将检查写入 %1（磁盘已满？）。</translation>
    </message>
</context>
<context>
    <name>Jpeg2000Decoder</name>
    <message>
        <source>The JPEG 2000 image cannot be decoded: %1.</source>
        <translation>无法解码 JPEG 2000 图像：%1。</translation>
    </message>
    <message>
        <source>the frame does not start with a JPEG 2000 codestream</source>
        <translation>该帧不是以 JPEG 2000 码流开头</translation>
    </message>
    <message>
        <source>no decoder</source>
        <translation>没有解码器</translation>
    </message>
    <message>
        <source>the decoder cannot be set up</source>
        <translation>无法设置解码器</translation>
    </message>
    <message>
        <source>its header is damaged</source>
        <translation>其文件头已损坏</translation>
    </message>
    <message>
        <source>the codestream is %1 × %2 pixels but the header says %3 × %4</source>
        <translation>码流为 %1 × %2 像素，但文件头为 %3 × %4</translation>
    </message>
    <message>
        <source>it has %1 components</source>
        <translation>它有 %1 个分量</translation>
    </message>
    <message>
        <source>component %1 has an unsupported layout</source>
        <translation>第 %1 个分量的布局不受支持</translation>
    </message>
    <message>
        <source>its data is damaged or incomplete</source>
        <translation>其数据已损坏或不完整</translation>
    </message>
    <message>
        <source>component %1 was not decoded</source>
        <translation>第 %1 个分量未解码</translation>
    </message>
</context>
<context>
    <name>JsonReader</name>
    <message>
        <source>The message is larger than %1 bytes.</source>
        <translation>消息超过 %1 字节。</translation>
    </message>
    <message>
        <source>The message is not valid JSON (%1 at byte %2).</source>
        <translation>消息不是有效的 JSON（%1，位于第 %2 字节）。</translation>
    </message>
    <message>
        <source>The message must be a JSON object.</source>
        <translation>消息必须是 JSON 对象。</translation>
    </message>
    <message>
        <source>%1.%2: %3</source>
        <translation>%1.%2：%3</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>must be an identifier of at most %1 letters, digits or _-.:</source>
        <translation>必须是不超过 %1 个字母、数字或 _-.: 的标识符</translation>
    </message>
    <message>
        <source>must be text of at most %1 characters</source>
        <translation>必须是不超过 %1 个字符的文本</translation>
    </message>
    <message>
        <source>must be a whole number from %1 to %2</source>
        <translation>必须是 %1 到 %2 之间的整数</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>必须为 true 或 false</translation>
    </message>
    <message>
        <source>must be a list</source>
        <translation>必须是列表</translation>
    </message>
    <message>
        <source>%1.%2: more than %3 entries</source>
        <translation>%1.%2：超过 %3 项</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>必须是对象</translation>
    </message>
    <message>
        <source>unknown key</source>
        <translation>未知的键</translation>
    </message>
</context>
<context>
    <name>KeychainTokenStore</name>
    <message>
        <source>The system keychain cannot be read (%1).</source>
        <translation>无法读取系统钥匙串（%1）。</translation>
    </message>
    <message>
        <source>The sign-in cannot be kept in the system keychain (%1).</source>
        <translation>无法将登录凭据保存到系统钥匙串（%1）。</translation>
    </message>
    <message>
        <source>The system keychain cannot be changed (%1).</source>
        <translation>无法修改系统钥匙串（%1）。</translation>
    </message>
</context>
<context>
    <name>LabTest</name>
    <message>
        <source>Haemoglobin</source>
        <translation>血红蛋白</translation>
    </message>
    <message>
        <source>Platelets</source>
        <translation>血小板</translation>
    </message>
    <message>
        <source>Fasting glucose</source>
        <translation>空腹血糖</translation>
    </message>
    <message>
        <source>OGTT 1 h</source>
        <translation>OGTT 1 小时</translation>
    </message>
    <message>
        <source>OGTT 2 h</source>
        <translation>OGTT 2 小时</translation>
    </message>
    <message>
        <source>ALT</source>
        <translation>谷丙转氨酶</translation>
    </message>
    <message>
        <source>Creatinine</source>
        <translation>肌酐</translation>
    </message>
    <message>
        <source>HBsAg</source>
        <translation>乙肝表面抗原</translation>
    </message>
    <message>
        <source>Syphilis</source>
        <translation>梅毒</translation>
    </message>
    <message>
        <source>HIV</source>
        <translation>艾滋病病毒</translation>
    </message>
</context>
<context>
    <name>MachineBiometryMapping</name>
    <message>
        <source>The biometry code mapping is invalid near &quot;%1&quot;.</source>
        <translation>生物测量编码对照表在“%1”附近有误。</translation>
    </message>
    <message>
        <source>The biometry code mapping lists no measures.</source>
        <translation>生物测量编码对照表中没有任何测量项。</translation>
    </message>
    <message>
        <source>used</source>
        <translation>已采用</translation>
    </message>
    <message>
        <source>not used: the machine reported another value</source>
        <translation>未采用：超声仪报告的是另一个数值</translation>
    </message>
    <message>
        <source>not used: several values and none marked as the reported one</source>
        <translation>未采用：有多个数值，且均未标明为报告值</translation>
    </message>
    <message>
        <source>not used: unknown measurement code</source>
        <translation>未采用：未知的测量编码</translation>
    </message>
    <message>
        <source>not used: unknown unit</source>
        <translation>未采用：未知的单位</translation>
    </message>
    <message>
        <source>not used: outside the range the formulas hold for</source>
        <translation>未采用：超出公式适用范围</translation>
    </message>
    <message>
        <source>not used: no value</source>
        <translation>未采用：没有数值</translation>
    </message>
    <message>
        <source>not used: derived by the machine from a measurement</source>
        <translation>未采用：由超声仪根据测量值推算</translation>
    </message>
</context>
<context>
    <name>MachineReportPanel</name>
    <message>
        <source>EFW  Estimated fetal weight</source>
        <translation>EFW  估计胎儿体重</translation>
    </message>
    <message>
        <source>AFI  Amniotic fluid index</source>
        <translation>AFI  羊水指数</translation>
    </message>
    <message>
        <source>Not taken from the report:</source>
        <translation>报告中未采用的项目：</translation>
    </message>
    <message>
        <source>&amp;Accept into the biometry</source>
        <translation>采用到生物测量(&amp;A)</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>测量项</translation>
    </message>
    <message>
        <source>Machine&apos;s value</source>
        <translation>超声仪数值</translation>
    </message>
    <message>
        <source>Item in the report</source>
        <translation>报告中的项目</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Puts these values into the biometry panel; check them there, then save them to the pregnancy and the report.</source>
        <translation>将这些数值填入生物测量面板；请在那里核对，然后保存到本次妊娠和超声报告。</translation>
    </message>
    <message>
        <source>No measurements report from the ultrasound machine in this study. Machines that send one (DICOM structured report) have their biometry shown here.</source>
        <translation>本检查中没有超声仪发送的测量报告。发送测量报告（DICOM 结构化报告）的超声仪，其生物测量值会显示在这里。</translation>
    </message>
    <message>
        <source>The report holds no biometry ObsLink can take.</source>
        <translation>该报告中没有 ObsLink 可采用的生物测量值。</translation>
    </message>
    <message numerus="yes">
        <source>The machine reports %n fetus(es) but gives biometry for %1.</source>
        <translation>
            <numerusform>超声仪报告 %n 个胎儿，但只给出了 %1 个胎儿的生物测量值。</numerusform>
        </translation>
    </message>
    <message>
        <source>Fetus</source>
        <translation>胎儿</translation>
    </message>
    <message>
        <source>Fetus %1</source>
        <translation>胎儿 %1</translation>
    </message>
    <message>
        <source>%1 (fetus %2)</source>
        <translation>%1（胎儿 %2）</translation>
    </message>
    <message>
        <source>Code %1 %2 · %3</source>
        <translation>编码 %1 %2 · %3</translation>
    </message>
    <message>
        <source>the ultrasound machine</source>
        <translation>超声仪</translation>
    </message>
    <message>
        <source>Measured by %1 on %2 (report %3)</source>
        <translation>由 %1 于 %2 测量（报告 %3）</translation>
    </message>
    <message>
        <source>Measured by %1 (report %2)</source>
        <translation>由 %1 测量（报告 %2）</translation>
    </message>
    <message>
        <source>%1 g</source>
        <translation>%1 g</translation>
    </message>
    <message>
        <source>%1 cm</source>
        <translation>%1 cm</translation>
    </message>
    <message>
        <source>%1 mm</source>
        <translation>%1 mm</translation>
    </message>
    <message>
        <source>Item %1 of the report</source>
        <translation>报告第 %1 项</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>ObsLink — antenatal care</source>
        <translation>ObsLink — 孕产期保健</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Register a pregnancy…</source>
        <translation>孕妇建档(&amp;R)…</translation>
    </message>
    <message>
        <source>New &amp;visit…</source>
        <translation>新增产检(&amp;V)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Find a woman</source>
        <translation>查找孕妇(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Refresh list</source>
        <translation>刷新列表(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Language…</source>
        <translation>语言(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About ObsLink</source>
        <translation>关于 ObsLink(&amp;A)</translation>
    </message>
    <message>
        <source>About ObsLink</source>
        <translation>关于 ObsLink</translation>
    </message>
    <message>
        <source>ObsLink %1 — antenatal care and high-risk pregnancy management for a regional maternal-health network.
Database: %2</source>
        <translation>ObsLink %1 — 区域孕产妇保健网络的孕期保健与高危妊娠管理系统。
数据库：%2</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>找到 %n 位</numerusform>
        </translation>
    </message>
    <message>
        <source>Type more to narrow the list.</source>
        <translation>请继续输入以缩小范围。</translation>
    </message>
    <message>
        <source>ObsLink</source>
        <translation>ObsLink</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Language of the workstation:</source>
        <translation>工作站语言：</translation>
    </message>
    <message>
        <source>The new language is used from the next start. Restart ObsLink now? Unsaved forms are kept as drafts.</source>
        <translation>新语言将在下次启动时生效。现在重启 ObsLink 吗？未保存的表单会保留为草稿。</translation>
    </message>
    <message>
        <source>Show only women of one risk color</source>
        <translation>只显示某一风险颜色的孕妇</translation>
    </message>
    <message>
        <source>All risk levels</source>
        <translation>全部风险等级</translation>
    </message>
    <message>
        <source>Women</source>
        <translation>孕妇</translation>
    </message>
    <message>
        <source>Worklists</source>
        <translation>工作清单</translation>
    </message>
    <message>
        <source>Worklists (%1)</source>
        <translation>工作清单（%1）</translation>
    </message>
    <message>
        <source>Export monthly high-risk &amp;register…</source>
        <translation>导出月度高危登记册(&amp;R)…</translation>
    </message>
    <message>
        <source>Case &amp;summary (PDF)…</source>
        <translation>专案小结（PDF）(&amp;S)…</translation>
    </message>
    <message>
        <source>High-risk register</source>
        <translation>高危登记册</translation>
    </message>
    <message>
        <source>Month (YYYY-MM):</source>
        <translation>月份（YYYY-MM）：</translation>
    </message>
    <message>
        <source>%1 is not a month written YYYY-MM.</source>
        <translation>%1 不是 YYYY-MM 格式的月份。</translation>
    </message>
    <message>
        <source>Save the register</source>
        <translation>保存登记册</translation>
    </message>
    <message>
        <source>high-risk-register-%1.csv</source>
        <translation>高危登记册-%1.csv</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source>Register saved to %1</source>
        <translation>登记册已保存到 %1</translation>
    </message>
    <message>
        <source>Open the chart of a woman with a case file first.</source>
        <translation>请先打开有专案档案的孕妇病历。</translation>
    </message>
    <message>
        <source>This pregnancy has no case file.</source>
        <translation>本次妊娠没有专案档案。</translation>
    </message>
    <message>
        <source>Save the case summary</source>
        <translation>保存专案小结</translation>
    </message>
    <message>
        <source>case-summary-%1.pdf</source>
        <translation>专案小结-%1.pdf</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Case summary saved to %1</source>
        <translation>专案小结已保存到 %1</translation>
    </message>
    <message>
        <source>&amp;Reading</source>
        <translation>阅片(&amp;R)</translation>
    </message>
    <message>
        <source>No woman with the ID number %1 is in this clinic&apos;s records.</source>
        <translation>本机构的档案中没有身份证号为 %1 的孕产妇。</translation>
    </message>
    <message>
        <source>Ultrasound</source>
        <translation>超声</translation>
    </message>
    <message>
        <source>Open the chart of the woman this study belongs to before writing its report.</source>
        <translation>请先打开该检查所属孕妇的档案，再书写报告。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln woman(en) on record; </source>
        <translation>
            <numerusform>共 %Ln 名孕产妇；</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>showing the %Ln most recently updated.</source>
        <translation>
            <numerusform>显示最近更新的 %Ln 名。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln woman(en) on record</source>
        <translation>
            <numerusform>共 %Ln 名孕产妇</numerusform>
        </translation>
    </message>
    <message>
        <source>CTG</source>
        <translation>胎心监护</translation>
    </message>
    <message>
        <source>Import a CTG &amp;trace…</source>
        <translation>导入胎心监护记录(&amp;T)…</translation>
    </message>
    <message>
        <source>Search: name (Chinese or pinyin: zyj, zhang yajing), ID number, phone (or its last digits), record number — Ctrl+F</source>
        <translation>搜索：姓名（汉字或拼音：zyj、zhang yajing）、身份证号、手机号（或尾号）、病历号 — Ctrl+F</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>随访</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>转诊</translation>
    </message>
    <message>
        <source>Follow-up (%1)</source>
        <translation>随访（%1）</translation>
    </message>
    <message>
        <source>Referrals (%1)</source>
        <translation>转诊（%1）</translation>
    </message>
    <message>
        <source>The audit trail could not be written: %1</source>
        <translation>审计记录无法写入：%1</translation>
    </message>
    <message>
        <source>&amp;Audit trail of the region…</source>
        <translation>区域审计日志(&amp;A)…</translation>
    </message>
</context>
<context>
    <name>Migrator</name>
    <message>
        <source>The database file cannot be read.</source>
        <translation>无法读取数据库文件。</translation>
    </message>
    <message>
        <source>This database was written by a newer ObsLink (schema %1; this version knows up to %2). Please update ObsLink.</source>
        <translation>此数据库由更新版本的 ObsLink 写入（结构版本 %1；本版本最高支持 %2）。请升级 ObsLink。</translation>
    </message>
    <message>
        <source>Schema migration %1 is missing from this build.</source>
        <translation>本版本缺少数据库结构迁移 %1。</translation>
    </message>
</context>
<context>
    <name>MultipartParser</name>
    <message>
        <source>The PACS did not send a multipart reply.</source>
        <translation>PACS 返回的不是 multipart 格式的应答。</translation>
    </message>
    <message>
        <source>The PACS reply announces no valid multipart boundary.</source>
        <translation>PACS 应答中没有有效的 multipart 分隔符（boundary）。</translation>
    </message>
    <message>
        <source>The PACS reply could not be read.</source>
        <translation>无法读取 PACS 的应答。</translation>
    </message>
    <message>
        <source>The PACS reply does not use the boundary it announced.</source>
        <translation>PACS 应答未使用其声明的分隔符（boundary）。</translation>
    </message>
    <message>
        <source>The PACS reply has a malformed part delimiter.</source>
        <translation>PACS 应答中的分段分隔符格式错误。</translation>
    </message>
    <message numerus="yes">
        <source>The PACS reply has more than %n parts.</source>
        <translation>
            <numerusform>PACS 应答超过 %n 个分段。</numerusform>
        </translation>
    </message>
    <message>
        <source>The headers of a part of the PACS reply are too long.</source>
        <translation>PACS 应答中某一分段的头部过长。</translation>
    </message>
    <message>
        <source>A part of the PACS reply has a malformed header.</source>
        <translation>PACS 应答中某一分段的头部格式错误。</translation>
    </message>
    <message>
        <source>A part of the PACS reply is larger than %1 MB.</source>
        <translation>PACS 应答中某一分段超过 %1 MB。</translation>
    </message>
    <message>
        <source>The PACS reply is larger than %1 MB.</source>
        <translation>PACS 应答超过 %1 MB。</translation>
    </message>
    <message>
        <source>The PACS reply ended before its last part was complete (truncated).</source>
        <translation>PACS 应答在最后一个分段完整之前就结束了（数据被截断）。</translation>
    </message>
</context>
<context>
    <name>NationalId</name>
    <message>
        <source>The national ID number must have 18 characters (it has %1).</source>
        <translation>身份证号应为 18 位（当前 %1 位）。</translation>
    </message>
    <message>
        <source>The first 17 characters of the national ID number must be digits.</source>
        <translation>身份证号前 17 位必须是数字。</translation>
    </message>
    <message>
        <source>The last character of the national ID number must be a digit or X.</source>
        <translation>身份证号最后一位必须是数字或 X。</translation>
    </message>
    <message>
        <source>The national ID number contains an impossible birth date (%1).</source>
        <translation>身份证号中的出生日期无效（%1）。</translation>
    </message>
    <message>
        <source>The national ID number&apos;s check character does not match: please re-check every digit.</source>
        <translation>身份证号校验位不符：请逐位核对。</translation>
    </message>
</context>
<context>
    <name>NotificationHub</name>
    <message>
        <source>Not logged in.</source>
        <translation>未登录。</translation>
    </message>
    <message>
        <source>The platform role reads the region through /fhir only.</source>
        <translation>平台角色只能通过 /fhir 读取区域数据。</translation>
    </message>
    <message>
        <source>Too many workstations wait; ask again later.</source>
        <translation>等待的工作站过多，请稍后再试。</translation>
    </message>
</context>
<context>
    <name>ObGynReportWriter</name>
    <message>
        <source>The structured report could not be composed.</source>
        <translation>无法生成结构化报告。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>OutcomeFields</name>
    <message>
        <source>Delivery</source>
        <translation>分娩</translation>
    </message>
    <message>
        <source>Miscarriage</source>
        <translation>流产</translation>
    </message>
    <message>
        <source>Termination of pregnancy</source>
        <translation>终止妊娠</translation>
    </message>
    <message>
        <source>Transferred out</source>
        <translation>转出</translation>
    </message>
    <message>
        <source>Maternal death</source>
        <translation>孕产妇死亡</translation>
    </message>
    <message>
        <source>Vaginal delivery</source>
        <translation>阴道分娩</translation>
    </message>
    <message>
        <source>Assisted vaginal delivery</source>
        <translation>阴道助产</translation>
    </message>
    <message>
        <source>Caesarean section</source>
        <translation>剖宫产</translation>
    </message>
    <message>
        <source>Primary hospital</source>
        <translation>一级医院</translation>
    </message>
    <message>
        <source>Secondary hospital</source>
        <translation>二级医院</translation>
    </message>
    <message>
        <source>Tertiary hospital</source>
        <translation>三级医院</translation>
    </message>
    <message>
        <source>Well</source>
        <translation>良好</translation>
    </message>
    <message>
        <source>With complications</source>
        <translation>有并发症</translation>
    </message>
    <message>
        <source>Transferred for care</source>
        <translation>转诊治疗</translation>
    </message>
    <message>
        <source>Died</source>
        <translation>死亡</translation>
    </message>
    <message>
        <source>Girl</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Boy</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Undetermined</source>
        <translation>性别不明</translation>
    </message>
    <message>
        <source>Live birth</source>
        <translation>活产</translation>
    </message>
    <message>
        <source>Stillbirth</source>
        <translation>死产</translation>
    </message>
    <message>
        <source>Neonatal death</source>
        <translation>新生儿死亡</translation>
    </message>
    <message>
        <source>Date of the outcome</source>
        <translation>结局日期</translation>
    </message>
    <message>
        <source>Gestational age (weeks+days)</source>
        <translation>孕周（周+天）</translation>
    </message>
    <message>
        <source>Cause of death</source>
        <translation>死亡原因</translation>
    </message>
    <message>
        <source>Reason for the termination</source>
        <translation>终止妊娠原因</translation>
    </message>
    <message>
        <source>Mode of delivery</source>
        <translation>分娩方式</translation>
    </message>
    <message>
        <source>Place of delivery</source>
        <translation>分娩地点</translation>
    </message>
    <message>
        <source>Level of the delivery hospital</source>
        <translation>分娩医院级别</translation>
    </message>
    <message>
        <source>Maternal outcome</source>
        <translation>孕产妇结局</translation>
    </message>
    <message>
        <source>Complications</source>
        <translation>并发症</translation>
    </message>
    <message>
        <source>Blood loss (mL)</source>
        <translation>出血量（mL）</translation>
    </message>
    <message>
        <source>Newborn %1: sex</source>
        <translation>新生儿 %1：性别</translation>
    </message>
    <message>
        <source>Newborn %1: weight (g)</source>
        <translation>新生儿 %1：体重（g）</translation>
    </message>
    <message>
        <source>Newborn %1: Apgar at 1 min</source>
        <translation>新生儿 %1：1分钟阿氏评分</translation>
    </message>
    <message>
        <source>Newborn %1: Apgar at 5 min</source>
        <translation>新生儿 %1：5分钟阿氏评分</translation>
    </message>
    <message>
        <source>Newborn %1: outcome</source>
        <translation>新生儿 %1：结局</translation>
    </message>
    <message>
        <source>42-day postpartum check</source>
        <translation>产后42天检查</translation>
    </message>
    <message>
        <source>Postpartum check findings</source>
        <translation>产后检查所见</translation>
    </message>
    <message>
        <source>Transferred to</source>
        <translation>转往</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>This closure has no field %1.</source>
        <translation>结案记录中没有项目 %1。</translation>
    </message>
    <message>
        <source>%1 must be a whole number.</source>
        <translation>%1 须为整数。</translation>
    </message>
    <message>
        <source>%1 must be a date written YYYY-MM-DD.</source>
        <translation>%1 须为日期，格式 YYYY-MM-DD。</translation>
    </message>
    <message>
        <source>Choose one of the values offered for %1.</source>
        <translation>请从 %1 的选项中选择。</translation>
    </message>
    <message>
        <source>Write the gestational age as weeks+days, e.g. 38+2.</source>
        <translation>孕周请写成 周+天，如 38+2。</translation>
    </message>
    <message>
        <source>Kind of outcome</source>
        <translation>结局类型</translation>
    </message>
</context>
<context>
    <name>PacsConnection</name>
    <message>
        <source>The PACS refused the user name or password (HTTP %1).</source>
        <translation>PACS 拒绝了用户名或密码（HTTP %1）。</translation>
    </message>
    <message>
        <source>The PACS does not have what was asked for (HTTP 404).</source>
        <translation>PACS 中没有所请求的内容（HTTP 404）。</translation>
    </message>
    <message>
        <source>The PACS refused the upload as too large (HTTP 413).</source>
        <translation>上传内容过大，PACS 拒绝接收（HTTP 413）。</translation>
    </message>
    <message>
        <source>The PACS answered with HTTP status %1.</source>
        <translation>PACS 返回了 HTTP 状态码 %1。</translation>
    </message>
    <message>
        <source>The PACS address must start with https://.</source>
        <translation>PACS 地址必须以 https:// 开头。</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>The PACS certificate is not trusted (%1); the connection was refused.</source>
        <translation>PACS 的证书不受信任（%1），已拒绝连接。</translation>
    </message>
    <message>
        <source>The PACS cannot be reached (%1).</source>
        <translation>无法连接到 PACS（%1）。</translation>
    </message>
    <message>
        <source>The transfer from the PACS broke off (%1).</source>
        <translation>从 PACS 的传输中断了（%1）。</translation>
    </message>
    <message>
        <source>The PACS reply is larger than expected; it was refused.</source>
        <translation>PACS 的应答超出预期大小，已拒绝。</translation>
    </message>
</context>
<context>
    <name>PacsSettings</name>
    <message>
        <source>No PACS is configured (Settings → PACS).</source>
        <translation>尚未配置 PACS（设置 → PACS）。</translation>
    </message>
    <message>
        <source>The PACS password file %1 cannot be read.</source>
        <translation>无法读取 PACS 密码文件 %1。</translation>
    </message>
</context>
<context>
    <name>PacsSettingsDialog</name>
    <message>
        <source>Receive images from the ultrasound machine (DICOM C-STORE) and forward them to the PACS</source>
        <translation>接收超声设备发送的图像（DICOM C-STORE）并转发到 PACS</translation>
    </message>
    <message>
        <source>PACS settings</source>
        <translation>PACS 设置</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>DICOMweb address</source>
        <translation>DICOMweb 地址</translation>
    </message>
    <message>
        <source>Regional CA certificate</source>
        <translation>区域 CA 证书</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt)</source>
        <translation>证书 (*.pem *.crt)</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password file</source>
        <translation>密码文件</translation>
    </message>
    <message>
        <source>Study cache size</source>
        <translation>检查缓存大小</translation>
    </message>
    <message>
        <source>AE title of this workstation</source>
        <translation>本工作站的 AE 名称</translation>
    </message>
    <message>
        <source>DICOM port</source>
        <translation>DICOM 端口</translation>
    </message>
    <message>
        <source>The password file holds the password on its first line; only you should be able to read it. Receiver changes apply at the next start of ObsLink.</source>
        <translation>密码文件的第一行为密码，应仅限您本人可读。接收设置的更改将在下次启动 ObsLink 时生效。</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <source>The DICOMweb address must be an https:// address.</source>
        <translation>DICOMweb 地址必须是 https:// 地址。</translation>
    </message>
    <message>
        <source>The receiver needs an AE title.</source>
        <translation>接收服务需要填写 AE 名称。</translation>
    </message>
</context>
<context>
    <name>PacsWorkbench</name>
    <message>
        <source>Reading worklist</source>
        <translation>阅片工作列表</translation>
    </message>
    <message>
        <source>Reading &amp;worklist</source>
        <translation>阅片工作列表(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Open selected study</source>
        <translation>打开所选检查(&amp;O)</translation>
    </message>
    <message>
        <source>Open her &amp;chart</source>
        <translation>打开该孕产妇的病历(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Send DICOM files to the PACS…</source>
        <translation>发送 DICOM 文件到 PACS(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;PACS…</source>
        <translation>&amp;PACS…</translation>
    </message>
    <message>
        <source>Send to the PACS</source>
        <translation>发送到 PACS</translation>
    </message>
    <message>
        <source>DICOM files to send to the PACS</source>
        <translation>选择要发送到 PACS 的 DICOM 文件</translation>
    </message>
    <message>
        <source>DICOM files (*.dcm *.DCM);;All files (*)</source>
        <translation>DICOM 文件 (*.dcm *.DCM);;所有文件 (*)</translation>
    </message>
    <message numerus="yes">
        <source>Sending %n file(s) to the PACS…</source>
        <translation>
            <numerusform>正在向 PACS 发送 %n 个文件…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The PACS stored %n file(s).</source>
        <translation>
            <numerusform>PACS 已保存 %n 个文件。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) were not accepted:</source>
        <translation>
            <numerusform>%n 个文件未被接收：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) waiting to be sent to the PACS: %1</source>
        <translation>
            <numerusform>%n 幅图像等待发送到 PACS：%1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sent %n image(s) from the ultrasound machine to the PACS.</source>
        <translation>
            <numerusform>已将超声设备的 %n 幅图像发送到 PACS。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) refused by the PACS.</source>
        <translation>
            <numerusform>%n 幅图像被 PACS 拒收。</numerusform>
        </translation>
    </message>
    <message>
        <source>Study retrieved</source>
        <translation>检查已调取</translation>
    </message>
    <message numerus="yes">
        <source>The study %1 (%2) is on this workstation: %n image(s) in %3.</source>
        <translation>
            <numerusform>检查 %1（%2）已保存到本工作站：%n 幅图像，位于 %3。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PasswordPolicy</name>
    <message>
        <source>The password needs at least %1 characters.</source>
        <translation>密码至少需要 %1 个字符。</translation>
    </message>
    <message>
        <source>The password needs three of: capital letters, small letters, digits, other signs.</source>
        <translation>密码需包含以下四类中的三类：大写字母、小写字母、数字、其他符号。</translation>
    </message>
    <message>
        <source>The password may not contain the user name.</source>
        <translation>密码不得包含用户名。</translation>
    </message>
    <message>
        <source>The password was one of your last %1; choose another.</source>
        <translation>该密码是您最近 %1 个密码之一，请另选一个。</translation>
    </message>
    <message>
        <source>At least %1 characters, with three of: capital letters, small letters, digits, other signs; not your user name, and none of your last %2 passwords.</source>
        <translation>至少 %1 个字符，包含大写字母、小写字母、数字、其他符号中的三类；不得包含用户名，也不得与最近 %2 个密码相同。</translation>
    </message>
</context>
<context>
    <name>PatientBanner</name>
    <message numerus="yes">
        <source>%n years</source>
        <translation>
            <numerusform>%n 岁</numerusform>
        </translation>
    </message>
    <message>
        <source>G%1 P%2</source>
        <translation>G%1 P%2</translation>
    </message>
    <message>
        <source>GA %1 weeks</source>
        <translation>孕 %1 周</translation>
    </message>
    <message>
        <source>EDD %1</source>
        <translation>预产期 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n fetuses</source>
        <translation>
            <numerusform>%n 胎</numerusform>
        </translation>
    </message>
    <message>
        <source>No. %1</source>
        <translation>病历号 %1</translation>
    </message>
    <message>
        <source>No chart open</source>
        <translation>未打开病历</translation>
    </message>
    <message>
        <source>Select a woman in the list, or register a new pregnancy (Ctrl+N).</source>
        <translation>请在列表中选择孕妇，或新建档案（Ctrl+N）。</translation>
    </message>
    <message>
        <source>⚠ New grade proposed — see Risk</source>
        <translation>⚠ 有新的分级建议 — 请查看“风险”</translation>
    </message>
    <message>
        <source>See the chart&apos;s CTG tab</source>
        <translation>请查看档案的“胎心监护”页</translation>
    </message>
    <message>
        <source>%1 — see the chart&apos;s Referrals tab</source>
        <translation>%1 —— 详见档案的“转诊”页</translation>
    </message>
</context>
<context>
    <name>PatientChartView</name>
    <message>
        <source>New &amp;visit…</source>
        <translation>新增产检(&amp;V)…</translation>
    </message>
    <message>
        <source>Record an antenatal visit (Ctrl+Shift+V)</source>
        <translation>记录一次产前检查（Ctrl+Shift+V）</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>产检记录</translation>
    </message>
    <message>
        <source>Trends</source>
        <translation>趋势</translation>
    </message>
    <message>
        <source>Labs</source>
        <translation>化验</translation>
    </message>
    <message>
        <source>This woman&apos;s record no longer exists.</source>
        <translation>该孕妇的档案已不存在。</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Upper limit</source>
        <translation>正常上限</translation>
    </message>
    <message>
        <source>positive</source>
        <translation>阳性</translation>
    </message>
    <message>
        <source>negative</source>
        <translation>阴性</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <source>Alt+%1</source>
        <translation>Alt+%1</translation>
    </message>
    <message>
        <source>Report to the district MCH institution overdue (due %1)</source>
        <translation>报辖区妇幼保健机构已逾期（应于 %1 前）</translation>
    </message>
    <message>
        <source>Report to the district MCH institution by %1</source>
        <translation>请于 %1 前报辖区妇幼保健机构</translation>
    </message>
    <message>
        <source>&amp;Handouts</source>
        <translation>告知单(&amp;H)</translation>
    </message>
    <message>
        <source>Print or export her visit slip and antenatal record</source>
        <translation>打印或导出她的产前检查告知单和产前检查记录</translation>
    </message>
</context>
<context>
    <name>PatientListModel</name>
    <message>
        <source>ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <source>Record no.</source>
        <translation>病历号</translation>
    </message>
    <message>
        <source>GA today</source>
        <translation>今日孕周</translation>
    </message>
    <message>
        <source>EDD</source>
        <translation>预产期</translation>
    </message>
    <message>
        <source>Next visit due</source>
        <translation>下次产检</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
</context>
<context>
    <name>PixelLayout</name>
    <message>
        <source>The image holds floating-point pixels, which cannot be displayed.</source>
        <translation>图像为浮点像素，无法显示。</translation>
    </message>
    <message>
        <source>The file holds no image (it has no pixel data).</source>
        <translation>文件不含图像（没有像素数据）。</translation>
    </message>
    <message>
        <source>The frames are stored as video (%1), which cannot be displayed frame by frame.</source>
        <translation>各帧以视频（%1）存储，无法逐帧显示。</translation>
    </message>
    <message>
        <source>The header gives an impossible image size (%1 × %2 pixels).</source>
        <translation>文件头给出的图像尺寸不可能（%1 × %2 像素）。</translation>
    </message>
    <message>
        <source>The header gives an impossible number of samples per pixel (%1).</source>
        <translation>文件头给出的每像素采样数不可能（%1）。</translation>
    </message>
    <message>
        <source>The header gives an impossible bit depth (%1 bits stored in %2).</source>
        <translation>文件头给出的位深不可能（%2 位中存储 %1 位）。</translation>
    </message>
    <message>
        <source>The image is too large to display (%1 × %2 pixels with %3 samples of %4 bits each).</source>
        <translation>图像过大，无法显示（%1 × %2 像素，每像素 %3 个 %4 位采样）。</translation>
    </message>
    <message>
        <source>The header announces %1 frames; at most %2 are accepted.</source>
        <translation>文件头声明 %1 帧；最多接受 %2 帧。</translation>
    </message>
    <message>
        <source>The compressed pixel data holds no frame.</source>
        <translation>压缩像素数据中没有帧。</translation>
    </message>
    <message>
        <source>The header announces %1 frames but the compressed pixel data holds only %2 fragments.</source>
        <translation>文件头声明 %1 帧，但压缩像素数据只有 %2 个片段。</translation>
    </message>
    <message>
        <source>The pixel data is shorter than one frame: %1 bytes where the header needs %2.</source>
        <translation>像素数据不足一帧：只有 %1 字节，而文件头需要 %2 字节。</translation>
    </message>
    <message numerus="yes">
        <source>Frame %1 is missing from the pixel data, which holds only %n complete frame(s).</source>
        <translation>
            <numerusform>像素数据中缺少第 %1 帧，其中只有 %n 个完整帧。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PossibleDuplicatesDialog</name>
    <message>
        <source>&amp;Open the existing record</source>
        <translation>打开已有档案(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Register a new record anyway</source>
        <translation>仍然新建档案(&amp;R)</translation>
    </message>
    <message>
        <source>She may already have a record</source>
        <translation>她可能已经建档</translation>
    </message>
    <message>
        <source>A woman with the same ID number is already registered here. One woman keeps one record: open hers and book the new pregnancy there.</source>
        <translation>本机构已有相同身份证号的孕产妇档案。一人一档：请打开她的档案，在其中登记本次妊娠。</translation>
    </message>
    <message>
        <source>These registrations look like the same woman. If one is her, open it instead of starting a second record.</source>
        <translation>以下档案可能是同一人。如果其中有她，请打开该档案，不要再新建一份。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Record no.</source>
        <translation>档案号</translation>
    </message>
    <message>
        <source>Matched on</source>
        <translation>相同项</translation>
    </message>
    <message>
        <source>Why she needs a new record (for example: a different woman, her mother&apos;s phone)</source>
        <translation>新建档案的理由（例如：不是同一人、登记的是她母亲的电话）</translation>
    </message>
    <message>
        <source>&amp;Back to the form</source>
        <translation>返回表单(&amp;B)</translation>
    </message>
    <message>
        <source>Not her?</source>
        <translation>不是她？</translation>
    </message>
</context>
<context>
    <name>PregnancyRedating</name>
    <message>
        <source>This exam has no gestational age by ultrasound (measure a CRL, or BPD, HC, AC or FL), so it cannot date the pregnancy.</source>
        <translation>本次检查没有超声孕周（请测量头臀长，或 BPD、HC、AC、FL），不能用于核定孕周。</translation>
    </message>
    <message>
        <source>This pregnancy has ended; its dating is no longer changed.</source>
        <translation>本次妊娠已结束，不再修改孕周核定。</translation>
    </message>
    <message>
        <source>The pregnancy is already dated by the scan of %1 (%2). An EDD set by an earlier ultrasound is not changed by a later one (ACOG Committee Opinion 700).</source>
        <translation>本次妊娠已按 %1 的超声（%2）核定孕周。较早超声确定的预产期不因以后的超声而更改（ACOG 第 700 号委员会意见）。</translation>
    </message>
    <message>
        <source>No LMP is recorded: the ultrasound (%1 on %2) dates the pregnancy.</source>
        <translation>未记录末次月经：以超声（%2，%1 周）核定孕周。</translation>
    </message>
    <message numerus="yes">
        <source>By ultrasound %1, by LMP %2: %n day(s) apart, more than the %3 days ACOG accepts at %2. The ultrasound dates the pregnancy.</source>
        <translation>
            <numerusform>超声孕周 %1，末次月经孕周 %2：相差 %n 天，超过 ACOG 在 %2 周时允许的 %3 天。按超声核定孕周。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>By ultrasound %1, by LMP %2: %n day(s) apart, within the %3 days ACOG accepts at %2. The EDD by LMP stands; the scan is kept as the dating ultrasound.</source>
        <translation>
            <numerusform>超声孕周 %1，末次月经孕周 %2：相差 %n 天，在 ACOG 在 %2 周时允许的 %3 天之内。预产期仍按末次月经计算；此次超声记录为核定孕周的超声。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProtocolCodec</name>
    <message>
        <source>%1: more than %2 fields</source>
        <translation>%1：超过 %2 个字段</translation>
    </message>
    <message>
        <source>%1: a field name is not an identifier</source>
        <translation>%1：字段名不是标识符</translation>
    </message>
    <message>
        <source>%1.%2: must be null, true/false, a number or text of at most %3 characters</source>
        <translation>%1.%2：必须为 null、true/false、数字或不超过 %3 个字符的文本</translation>
    </message>
    <message>
        <source>%1.operation: must be insert or update</source>
        <translation>%1.operation：必须为 insert 或 update</translation>
    </message>
    <message>
        <source>%1.status: unknown status</source>
        <translation>%1.status：未知状态</translation>
    </message>
    <message>
        <source>%1: must be an object</source>
        <translation>%1：必须是对象</translation>
    </message>
</context>
<context>
    <name>ReadingWorklistModel</name>
    <message>
        <source>Not retrieved</source>
        <translation>未调取</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
    <message numerus="yes">
        <source>Retrieving: %n image(s), %1</source>
        <translation>
            <numerusform>正在调取：%n 幅图像，%1</numerusform>
        </translation>
    </message>
    <message>
        <source>Ready to read</source>
        <translation>可以阅片</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>Study date</source>
        <translation>检查日期</translation>
    </message>
    <message>
        <source>Woman</source>
        <translation>孕产妇</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Accession</source>
        <translation>检查申请号</translation>
    </message>
    <message>
        <source>Examination</source>
        <translation>检查项目</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>图像数</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>已出报告</translation>
    </message>
</context>
<context>
    <name>ReadingWorklistPanel</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Open study</source>
        <translation>打开检查(&amp;O)</translation>
    </message>
    <message>
        <source>Studies from</source>
        <translation>检查日期从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>PACS: %1</source>
        <translation>PACS：%1</translation>
    </message>
    <message>
        <source>Asking the PACS for studies…</source>
        <translation>正在向 PACS 查询检查…</translation>
    </message>
    <message numerus="yes">
        <source>%n study(ies) waiting for a read.</source>
        <translation>
            <numerusform>%n 项检查待阅片。</numerusform>
        </translation>
    </message>
    <message>
        <source>Retrieving the study of %1…</source>
        <translation>正在调取 %1 的检查…</translation>
    </message>
    <message numerus="yes">
        <source>Study ready: %n image(s).</source>
        <translation>
            <numerusform>检查已就绪：%n 幅图像。</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Cancel retrieval</source>
        <translation>取消下载(&amp;C)</translation>
    </message>
    <message>
        <source>Re&amp;port…</source>
        <translation>报告(&amp;P)…</translation>
    </message>
    <message>
        <source>Retrieval cancelled.</source>
        <translation>已取消下载。</translation>
    </message>
    <message>
        <source>No PACS is set up: Settings → PACS.</source>
        <translation>尚未设置 PACS：设置 → PACS。</translation>
    </message>
    <message>
        <source>Retrieving the study…</source>
        <translation>正在调取检查…</translation>
    </message>
</context>
<context>
    <name>RecordStore</name>
    <message>
        <source>The record to change does not exist at the center.</source>
        <translation>要修改的记录在中心不存在。</translation>
    </message>
    <message>
        <source>A new record must carry %1.</source>
        <translation>新记录必须包含 %1。</translation>
    </message>
    <message>
        <source>A clinic can only register women for itself.</source>
        <translation>机构只能为本机构登记孕妇。</translation>
    </message>
    <message>
        <source>This woman&apos;s records are not shared with your clinic.</source>
        <translation>该孕妇的档案未与您的机构共享。</translation>
    </message>
    <message>
        <source>The record names no woman or pregnancy it belongs to.</source>
        <translation>该记录未指明所属的孕妇或妊娠。</translation>
    </message>
    <message>
        <source>The record belongs to a record the center has not received yet.</source>
        <translation>该记录所属的记录中心尚未收到。</translation>
    </message>
    <message>
        <source>A stored mutation outcome cannot be read.</source>
        <translation>无法读取已保存的变更结果。</translation>
    </message>
    <message>
        <source>The pull cursor is not one this center issued.</source>
        <translation>此拉取游标不是本中心签发的。</translation>
    </message>
</context>
<context>
    <name>RecordTable</name>
    <message>
        <source>This record was changed elsewhere since you opened it. Reopen it to see the latest version; your entries are kept as a draft.</source>
        <translation>打开后此记录已在别处被修改。请重新打开查看最新版本；您填写的内容已保存为草稿。</translation>
    </message>
</context>
<context>
    <name>RecordValidator</name>
    <message>
        <source>Enter the woman&apos;s name.</source>
        <translation>请输入孕妇姓名。</translation>
    </message>
    <message>
        <source>The birth date does not match the one in the national ID number (%1).</source>
        <translation>出生日期与身份证号中的出生日期（%1）不一致。</translation>
    </message>
    <message>
        <source>Enter the birth date.</source>
        <translation>请输入出生日期。</translation>
    </message>
    <message>
        <source>The birth date is in the future.</source>
        <translation>出生日期晚于今天。</translation>
    </message>
    <message>
        <source>An age of %1 years is outside 10–60 years: please check the birth date.</source>
        <translation>年龄 %1 岁不在 10–60 岁范围内：请核对出生日期。</translation>
    </message>
    <message>
        <source>The phone number may contain only digits, spaces and dashes.</source>
        <translation>电话号码只能包含数字、空格和连字符。</translation>
    </message>
    <message>
        <source>Enter the last menstrual period or an ultrasound dating.</source>
        <translation>请输入末次月经或超声核定孕周。</translation>
    </message>
    <message>
        <source>The last menstrual period is in the future.</source>
        <translation>末次月经晚于今天。</translation>
    </message>
    <message>
        <source>The last menstrual period is more than 44 weeks ago.</source>
        <translation>末次月经距今超过 44 周。</translation>
    </message>
    <message>
        <source>Gravida must be between 1 and 30 (this pregnancy counts).</source>
        <translation>孕次应在 1 到 30 之间（含本次妊娠）。</translation>
    </message>
    <message>
        <source>Para must be at least 0 and less than gravida.</source>
        <translation>产次应不小于 0 且小于孕次。</translation>
    </message>
    <message>
        <source>The number of fetuses must be between 1 and 6.</source>
        <translation>胎儿数应在 1 到 6 之间。</translation>
    </message>
    <message>
        <source>Height must be between %1 and %2 cm.</source>
        <translation>身高应在 %1 到 %2 厘米之间。</translation>
    </message>
    <message>
        <source>Pre-pregnancy weight must be between %1 and %2 kg.</source>
        <translation>孕前体重应在 %1 到 %2 千克之间。</translation>
    </message>
    <message>
        <source>The number of uterine operations must be between 0 and 10.</source>
        <translation>子宫手术次数应在 0 到 10 之间。</translation>
    </message>
    <message>
        <source>The last uterine operation is in the future.</source>
        <translation>末次子宫手术日期晚于今天。</translation>
    </message>
    <message>
        <source>Enter the visit date.</source>
        <translation>请输入检查日期。</translation>
    </message>
    <message>
        <source>The visit date is in the future.</source>
        <translation>检查日期晚于今天。</translation>
    </message>
    <message>
        <source>The visit date is before the last menstrual period.</source>
        <translation>检查日期早于末次月经。</translation>
    </message>
    <message>
        <source>Systolic pressure must be between %1 and %2 mmHg.</source>
        <translation>收缩压应在 %1 到 %2 mmHg 之间。</translation>
    </message>
    <message>
        <source>Diastolic pressure must be between %1 and %2 mmHg.</source>
        <translation>舒张压应在 %1 到 %2 mmHg 之间。</translation>
    </message>
    <message>
        <source>Enter both systolic and diastolic pressure.</source>
        <translation>请同时输入收缩压和舒张压。</translation>
    </message>
    <message>
        <source>Diastolic pressure must be lower than systolic pressure.</source>
        <translation>舒张压必须低于收缩压。</translation>
    </message>
    <message>
        <source>Pulse must be between %1 and %2 beats/min.</source>
        <translation>脉搏应在 %1 到 %2 次/分之间。</translation>
    </message>
    <message>
        <source>Weight must be between %1 and %2 kg.</source>
        <translation>体重应在 %1 到 %2 千克之间。</translation>
    </message>
    <message>
        <source>Fundal height must be between %1 and %2 cm.</source>
        <translation>宫高应在 %1 到 %2 厘米之间。</translation>
    </message>
    <message>
        <source>Abdominal girth must be between %1 and %2 cm.</source>
        <translation>腹围应在 %1 到 %2 厘米之间。</translation>
    </message>
    <message>
        <source>Fetal heart rate must be between %1 and %2 beats/min.</source>
        <translation>胎心率应在 %1 到 %2 次/分之间。</translation>
    </message>
    <message>
        <source>The next appointment must be after the visit date.</source>
        <translation>下次预约日期必须晚于本次检查日期。</translation>
    </message>
    <message>
        <source>The next appointment is more than two weeks after the due date.</source>
        <translation>下次预约日期超过预产期两周以上。</translation>
    </message>
</context>
<context>
    <name>ReferralAccess</name>
    <message>
        <source>The clinic this referral goes to is not one of the region&apos;s.</source>
        <translation>转诊的接诊机构不在本区域内。</translation>
    </message>
    <message>
        <source>The referral step is not one the center knows.</source>
        <translation>区域中心无法识别该转诊步骤。</translation>
    </message>
    <message>
        <source>This step of the referral belongs to the other clinic.</source>
        <translation>该转诊步骤应由另一方机构执行。</translation>
    </message>
    <message>
        <source>A step of a referral is never changed once taken.</source>
        <translation>转诊步骤一经记录不可更改。</translation>
    </message>
    <message>
        <source>Only the referring clinic writes its referral.</source>
        <translation>只有转出机构可以填写或修改其转诊。</translation>
    </message>
    <message>
        <source>This referral has been sent and can no longer be changed.</source>
        <translation>该转诊已发送，不能再修改。</translation>
    </message>
    <message>
        <source>A referral goes to another clinic than the one sending it.</source>
        <translation>不能转诊到本机构。</translation>
    </message>
</context>
<context>
    <name>ReferralDashboardPanel</name>
    <message>
        <source>All referral &amp;figures…</source>
        <translation>全部转诊统计(&amp;F)…</translation>
    </message>
    <message>
        <source>Referrals and consultations sent since %1</source>
        <translation>%1 以来发出的转诊和会诊</translation>
    </message>
    <message>
        <source>None this month.</source>
        <translation>本月暂无。</translation>
    </message>
</context>
<context>
    <name>ReferralDialog</name>
    <message>
        <source>Referral — %1</source>
        <translation>转诊单 —— %1</translation>
    </message>
    <message>
        <source>Choose a clinic…</source>
        <translation>请选择机构…</translation>
    </message>
    <message>
        <source>if known</source>
        <translation>如已知</translation>
    </message>
    <message>
        <source>not graded</source>
        <translation>未评级</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 —— %2</translation>
    </message>
    <message>
        <source>Nothing recorded for her yet to attach.</source>
        <translation>尚无可随转诊发送的资料。</translation>
    </message>
    <message>
        <source>Referred &amp;to:</source>
        <translation>转往机构(&amp;T)：</translation>
    </message>
    <message>
        <source>D&amp;epartment:</source>
        <translation>科室(&amp;E)：</translation>
    </message>
    <message>
        <source>Doct&amp;or:</source>
        <translation>医生(&amp;O)：</translation>
    </message>
    <message>
        <source>Di&amp;rection:</source>
        <translation>转诊方向(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Urgency:</source>
        <translation>紧急程度(&amp;U)：</translation>
    </message>
    <message>
        <source>Re&amp;ason:</source>
        <translation>转诊原因(&amp;A)：</translation>
    </message>
    <message>
        <source>Dia&amp;gnosis:</source>
        <translation>初步诊断(&amp;G)：</translation>
    </message>
    <message>
        <source>Risk grade:</source>
        <translation>风险评级：</translation>
    </message>
    <message>
        <source>Clinical &amp;summary:</source>
        <translation>病情摘要(&amp;S)：</translation>
    </message>
    <message>
        <source>Send &amp;with it:</source>
        <translation>随附资料(&amp;W)：</translation>
    </message>
    <message>
        <source>Se&amp;nd referral</source>
        <translation>发送转诊(&amp;N)</translation>
    </message>
    <message>
        <source>Save &amp;draft</source>
        <translation>保存草稿(&amp;D)</translation>
    </message>
    <message>
        <source>Consultation request — %1</source>
        <translation>会诊申请 —— %1</translation>
    </message>
    <message>
        <source>Asked &amp;of:</source>
        <translation>会诊机构(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>会诊类型(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Question:</source>
        <translation>会诊问题(&amp;Q)：</translation>
    </message>
    <message>
        <source>Se&amp;nd request</source>
        <translation>发送申请(&amp;N)</translation>
    </message>
</context>
<context>
    <name>ReferralFiguresDialog</name>
    <message>
        <source>Referral figures</source>
        <translation>转诊统计</translation>
    </message>
    <message>
        <source>Sent &amp;from</source>
        <translation>转出日期从(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;to</source>
        <translation>至(&amp;T)</translation>
    </message>
    <message>
        <source>Medians over the referrals that reached each stage. Accepted, declined and cancelled count every referral that reached that status, whatever came after.</source>
        <translation>时长为到达各环节的转诊的中位数。接收、拒绝和撤销按曾到达该状态的转诊计数，不论其后如何。</translation>
    </message>
</context>
<context>
    <name>ReferralFiguresTable</name>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>From</source>
        <translation>转出机构</translation>
    </message>
    <message>
        <source>To</source>
        <translation>接诊机构</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>转出</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>接收</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>已回执/答复</translation>
    </message>
    <message>
        <source>Answered in time</source>
        <translation>按时答复</translation>
    </message>
    <message>
        <source>Hours to receipt</source>
        <translation>送达时长（小时）</translation>
    </message>
    <message>
        <source>Hours to acceptance</source>
        <translation>接收时长（小时）</translation>
    </message>
    <message>
        <source>Hours to return slip</source>
        <translation>回执时长（小时）</translation>
    </message>
</context>
<context>
    <name>ReferralItemViewers</name>
    <message>
        <source>This ultrasound report is not in this workstation&apos;s records yet; it comes with the next sync.</source>
        <translation>本工作站尚无此超声报告，将在下次同步时到达。</translation>
    </message>
    <message>
        <source>The signed reading is not in this workstation&apos;s records yet; it comes with the next sync.</source>
        <translation>本工作站尚无已签名的判读，将在下次同步时到达。</translation>
    </message>
    <message>
        <source>This study is in the regional PACS, and no PACS is set up here: Settings → PACS.</source>
        <translation>该检查在区域 PACS 中，而本机尚未设置 PACS：设置 → PACS。</translation>
    </message>
</context>
<context>
    <name>ReferralPdf</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Record no.</source>
        <translation>病历号</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Referral form</source>
        <translation>双向转诊单</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>转诊</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <source>Referred to</source>
        <translation>转往</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>转出时间</translation>
    </message>
    <message>
        <source>not sent yet (draft)</source>
        <translation>尚未发送（草稿）</translation>
    </message>
    <message>
        <source>not graded</source>
        <translation>未评级</translation>
    </message>
    <message>
        <source>Risk grade</source>
        <translation>风险评级</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>Reason for referral</source>
        <translation>转诊原因</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>诊断</translation>
    </message>
    <message>
        <source>Clinical summary</source>
        <translation>病情摘要</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 —— %2</translation>
    </message>
    <message>
        <source>Sent with the referral</source>
        <translation>随转诊附送资料</translation>
    </message>
    <message>
        <source>Referring doctor</source>
        <translation>转诊医生</translation>
    </message>
    <message>
        <source>Referral return slip</source>
        <translation>转诊回执单</translation>
    </message>
    <message>
        <source>Referred by</source>
        <translation>转出机构</translation>
    </message>
    <message>
        <source>She arrived</source>
        <translation>到院时间</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>诊治经过</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>后续计划</translation>
    </message>
    <message>
        <source>Advice for her clinic</source>
        <translation>对转出机构的建议</translation>
    </message>
    <message>
        <source>Doctor</source>
        <translation>接诊医生</translation>
    </message>
    <message>
        <source>The outcome of this referral has not been returned yet.</source>
        <translation>该转诊尚未填写回执。</translation>
    </message>
</context>
<context>
    <name>ReferralRepository</name>
    <message>
        <source>This referral has been sent and can no longer be changed; cancel it and write a new one.</source>
        <translation>该转诊已发送，不能再修改；如需更改请撤销后重新填写。</translation>
    </message>
    <message>
        <source>This referral is not in this workstation&apos;s records.</source>
        <translation>本工作站没有该转诊记录。</translation>
    </message>
    <message>
        <source>Only the referring clinic can do this.</source>
        <translation>只有转出机构可以执行此操作。</translation>
    </message>
    <message>
        <source>Only the clinic she is referred to can do this.</source>
        <translation>只有接诊机构可以执行此操作。</translation>
    </message>
    <message>
        <source>The referral is %1: &quot;%2&quot; does not apply now.</source>
        <translation>该转诊当前为“%1”，现在不能执行“%2”。</translation>
    </message>
</context>
<context>
    <name>ReferralStepDialog</name>
    <message>
        <source>Return slip — %1</source>
        <translation>回执 —— %1</translation>
    </message>
    <message>
        <source>&amp;Diagnosis:</source>
        <translation>诊断(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;What was done:</source>
        <translation>诊治经过(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Plan:</source>
        <translation>后续计划(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Advice for her clinic:</source>
        <translation>对转出机构的建议(&amp;A)：</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 —— %2</translation>
    </message>
    <message>
        <source>&amp;Why it is declined:</source>
        <translation>拒绝原因(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Why it is cancelled:</source>
        <translation>撤销原因(&amp;W)：</translation>
    </message>
    <message>
        <source>Consultation opinion — %1</source>
        <translation>会诊意见 —— %1</translation>
    </message>
    <message>
        <source>&amp;Opinion:</source>
        <translation>会诊意见(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Recommendation:</source>
        <translation>处理建议(&amp;R)：</translation>
    </message>
    <message>
        <source>Sign the opinion</source>
        <translation>签署意见</translation>
    </message>
</context>
<context>
    <name>ReferralSteps</name>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>已发出</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已接收</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>已到诊</translation>
    </message>
    <message>
        <source>Outcome returned</source>
        <translation>已回执</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>She arrived</source>
        <translation>孕妇已到诊</translation>
    </message>
    <message>
        <source>No reading</source>
        <translation>无判读</translation>
    </message>
    <message>
        <source>Signed CTG interpretation</source>
        <translation>已签名的胎心监护判读</translation>
    </message>
    <message>
        <source>Signed ultrasound report</source>
        <translation>已签名的超声报告</translation>
    </message>
</context>
<context>
    <name>ReferralSummary</name>
    <message>
        <source>%1 years old</source>
        <translation>%1 岁</translation>
    </message>
    <message>
        <source>G%1P%2</source>
        <translation>G%1P%2</translation>
    </message>
    <message>
        <source>%1 weeks + %2 days</source>
        <translation>孕 %1+%2 周</translation>
    </message>
    <message>
        <source>EDD %1</source>
        <translation>预产期 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n fetus(es)</source>
        <translation>
            <numerusform>%n 胎</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>BP %1/%2 mmHg</source>
        <translation>血压 %1/%2 mmHg</translation>
    </message>
    <message>
        <source>weight %1 kg</source>
        <translation>体重 %1 kg</translation>
    </message>
    <message>
        <source>fundal height %1 cm</source>
        <translation>宫高 %1 cm</translation>
    </message>
    <message>
        <source>FHR %1 bpm</source>
        <translation>胎心 %1 次/分</translation>
    </message>
    <message>
        <source>. Last visit %1: %2.</source>
        <translation>。末次产检 %1：%2。</translation>
    </message>
</context>
<context>
    <name>ReferralValidator</name>
    <message>
        <source>The referral belongs to no pregnancy.</source>
        <translation>该转诊未关联任何孕期档案。</translation>
    </message>
    <message>
        <source>Choose the clinic she is referred to.</source>
        <translation>请选择转往的机构。</translation>
    </message>
    <message>
        <source>A referral goes to another clinic than the one sending it.</source>
        <translation>不能转诊到本机构。</translation>
    </message>
    <message>
        <source>Write why she is referred.</source>
        <translation>请填写转诊原因。</translation>
    </message>
    <message>
        <source>Write why the referral is declined.</source>
        <translation>请填写拒绝原因。</translation>
    </message>
    <message>
        <source>Write why the referral is cancelled.</source>
        <translation>请填写撤销原因。</translation>
    </message>
    <message>
        <source>The return slip needs her diagnosis.</source>
        <translation>回执须填写诊断。</translation>
    </message>
    <message>
        <source>The return slip needs the plan from here.</source>
        <translation>回执须填写后续计划。</translation>
    </message>
    <message>
        <source>Only the return slip carries an outcome.</source>
        <translation>只有回执才填写诊治结果。</translation>
    </message>
    <message>
        <source>Write the opinion before signing it.</source>
        <translation>请先填写会诊意见再签名。</translation>
    </message>
    <message>
        <source>Only a consultation is answered with a signed reading.</source>
        <translation>只有会诊才能以签名判读回复。</translation>
    </message>
    <message>
        <source>The signed reading this opinion comes from is not named.</source>
        <translation>未注明此意见所依据的签名判读。</translation>
    </message>
</context>
<context>
    <name>ReferralVerbs</name>
    <message>
        <source>Se&amp;nd</source>
        <translation>发送(&amp;N)</translation>
    </message>
    <message>
        <source>Acknowledge receipt</source>
        <translation>确认收到</translation>
    </message>
    <message>
        <source>&amp;Accept</source>
        <translation>接收(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Decline…</source>
        <translation>拒绝(&amp;D)…</translation>
    </message>
    <message>
        <source>Return the &amp;outcome…</source>
        <translation>填写回执(&amp;O)…</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>结束转诊(&amp;L)</translation>
    </message>
    <message>
        <source>Ca&amp;ncel the referral…</source>
        <translation>撤销转诊(&amp;N)…</translation>
    </message>
    <message>
        <source>She arr&amp;ived</source>
        <translation>已到院(&amp;I)</translation>
    </message>
</context>
<context>
    <name>ReferralWorkbench</name>
    <message>
        <source>Referrals</source>
        <translation>转诊</translation>
    </message>
    <message>
        <source>Re&amp;fer her…</source>
        <translation>转诊(&amp;F)…</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <source>Referred to %1: %2</source>
        <translation>已转往 %1：%2</translation>
    </message>
    <message>
        <source>Referred from %1: %2</source>
        <translation>由 %1 转入：%2</translation>
    </message>
    <message>
        <source>her high-risk case file as it stands</source>
        <translation>当前高危专案</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n min</source>
        <translation>
            <numerusform>%1，%n 分钟</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>images of %1</source>
        <translation>%1 的图像</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Open the chart of the woman to refer first.</source>
        <translation>请先打开要转诊孕妇的档案。</translation>
    </message>
    <message>
        <source>The region&apos;s clinics are not known here yet: sign in to the regional center and sync once.</source>
        <translation>本机尚无区域机构列表：请登录区域中心并同步一次。</translation>
    </message>
    <message>
        <source>return-slip-%1.pdf</source>
        <translation>转诊回执-%1.pdf</translation>
    </message>
    <message>
        <source>referral-%1.pdf</source>
        <translation>转诊单-%1.pdf</translation>
    </message>
    <message>
        <source>Save the return slip</source>
        <translation>保存转诊回执</translation>
    </message>
    <message>
        <source>Save the referral form</source>
        <translation>保存转诊单</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
    <message>
        <source>Referral f&amp;igures…</source>
        <translation>转诊统计(&amp;I)…</translation>
    </message>
    <message>
        <source>Ask for a c&amp;onsultation…</source>
        <translation>申请会诊(&amp;O)…</translation>
    </message>
    <message>
        <source>opinion not read yet</source>
        <translation>意见尚未阅读</translation>
    </message>
    <message>
        <source>%1, overdue</source>
        <translation>%1，已超时</translation>
    </message>
    <message>
        <source>Consultation asked of %1: %2</source>
        <translation>已向 %1 申请会诊：%2</translation>
    </message>
    <message>
        <source>Consultation asked by %1: %2</source>
        <translation>%1 申请会诊：%2</translation>
    </message>
    <message>
        <source>Open the chart of the woman to ask about first.</source>
        <translation>请先打开要会诊孕妇的档案。</translation>
    </message>
    <message>
        <source>%1 asked for this reading (%2): “%3”. Signing answers the consultation; the signed text is the opinion sent back.</source>
        <translation>%1 申请此项判读（%2）：“%3”。签名即回复会诊，签名内容作为会诊意见发回。</translation>
    </message>
    <message>
        <source>The consultation could not be answered: %1</source>
        <translation>会诊未能回复：%1</translation>
    </message>
    <message>
        <source>Consultation answered: the signed reading goes back at the next sync.</source>
        <translation>会诊已回复：签名判读将在下次同步时发回。</translation>
    </message>
</context>
<context>
    <name>ReferralWorklist</name>
    <message>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Clinic</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>发送时间</translation>
    </message>
    <message>
        <source>Last step</source>
        <translation>最近进展</translation>
    </message>
    <message>
        <source>Incoming referrals (%1 waiting)</source>
        <translation>转入（%1 待处理）</translation>
    </message>
    <message>
        <source>Outgoing referrals (%1 waiting)</source>
        <translation>转出（%1 待处理）</translation>
    </message>
    <message>
        <source> (steps crossed: see the timeline)</source>
        <translation>（双方操作交叉，请查看进程）</translation>
    </message>
    <message>
        <source>not sent</source>
        <translation>未发送</translation>
    </message>
    <message>
        <source>Consultation (%1): %2</source>
        <translation>会诊（%1）：%2</translation>
    </message>
    <message>
        <source> — answer overdue</source>
        <translation> —— 答复已超时</translation>
    </message>
    <message>
        <source>Consultations to answer (%1 waiting)</source>
        <translation>待答复会诊（%1 待处理）</translation>
    </message>
    <message>
        <source>Consultations asked (%1 to read)</source>
        <translation>已申请会诊（%1 待阅读）</translation>
    </message>
</context>
<context>
    <name>Referrals</name>
    <message>
        <source>Up-referral</source>
        <translation>上转</translation>
    </message>
    <message>
        <source>Down-referral</source>
        <translation>下转</translation>
    </message>
    <message>
        <source>Emergency</source>
        <translation>急诊</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <source>Routine</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>CTG trace</source>
        <translation>胎心监护</translation>
    </message>
    <message>
        <source>Ultrasound study</source>
        <translation>超声图像</translation>
    </message>
    <message>
        <source>Ultrasound report</source>
        <translation>超声报告</translation>
    </message>
    <message>
        <source>Laboratory result</source>
        <translation>检验结果</translation>
    </message>
    <message>
        <source>High-risk case summary</source>
        <translation>高危专案摘要</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>转诊</translation>
    </message>
    <message>
        <source>Consultation</source>
        <translation>会诊</translation>
    </message>
    <message>
        <source>General consultation</source>
        <translation>普通会诊</translation>
    </message>
    <message>
        <source>CTG reading</source>
        <translation>胎心判读</translation>
    </message>
    <message>
        <source>Ultrasound reading</source>
        <translation>超声判读</translation>
    </message>
</context>
<context>
    <name>ReferralsView</name>
    <message>
        <source>New &amp;referral…</source>
        <translation>新建转诊(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Edit draft…</source>
        <translation>编辑草稿(&amp;E)…</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>填写时间</translation>
    </message>
    <message>
        <source>With</source>
        <translation>对方机构</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>to %1</source>
        <translation>转往 %1</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>来自 %1</translation>
    </message>
    <message>
        <source>No referral for this pregnancy.</source>
        <translation>本次妊娠尚无转诊。</translation>
    </message>
    <message>
        <source>%1, %2 — %3</source>
        <translation>%1，%2 —— %3</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>转出：</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>转往：</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>转诊原因：</translation>
    </message>
    <message>
        <source>Diagnosis:</source>
        <translation>诊断：</translation>
    </message>
    <message>
        <source>Risk items:</source>
        <translation>高危因素：</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>Clinical summary:</source>
        <translation>病情摘要：</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 —— %2</translation>
    </message>
    <message>
        <source>Sent with it:</source>
        <translation>随附资料：</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>转诊进程</translation>
    </message>
    <message>
        <source>%1 · %2 · %3: %4</source>
        <translation>%1 · %2 · %3：%4</translation>
    </message>
    <message>
        <source> (%1)</source>
        <translation>（%1）</translation>
    </message>
    <message>
        <source>— taken after the referral had become “%1” at the other clinic; kept as taken.</source>
        <translation>—— 操作时对方已将转诊变为“%1”；按实际操作保留。</translation>
    </message>
    <message>
        <source>What was done:</source>
        <translation>诊治经过：</translation>
    </message>
    <message>
        <source>Plan:</source>
        <translation>后续计划：</translation>
    </message>
    <message>
        <source>Advice for her clinic:</source>
        <translation>对转出机构的建议：</translation>
    </message>
    <message>
        <source>Draft, not sent yet.</source>
        <translation>草稿，尚未发送。</translation>
    </message>
    <message>
        <source>Referral &amp;form (PDF)…</source>
        <translation>转诊单(&amp;F)（PDF）…</translation>
    </message>
    <message>
        <source>Return &amp;slip (PDF)…</source>
        <translation>回执(&amp;S)（PDF）…</translation>
    </message>
    <message>
        <source>New cons&amp;ultation…</source>
        <translation>新建会诊(&amp;U)…</translation>
    </message>
    <message>
        <source>Refer her to another clinic of the region (Ctrl+Shift+F)</source>
        <translation>将她转诊到区域内其他机构（Ctrl+Shift+F）</translation>
    </message>
    <message>
        <source>Ask another clinic&apos;s opinion on her record, a CTG trace or a scan (Ctrl+Shift+C)</source>
        <translation>请其他机构就她的档案、胎心监护或超声给出意见（Ctrl+Shift+C）</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Write the &amp;opinion…</source>
        <translation>填写意见(&amp;O)…</translation>
    </message>
    <message>
        <source>Question:</source>
        <translation>会诊问题：</translation>
    </message>
    <message>
        <source>Opinion:</source>
        <translation>会诊意见：</translation>
    </message>
    <message>
        <source>Recommendation:</source>
        <translation>处理建议：</translation>
    </message>
    <message>
        <source>Signed by:</source>
        <translation>签名医生：</translation>
    </message>
    <message>
        <source>&amp;Mark as read</source>
        <translation>标记为已读(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>Open the signed &amp;reading</source>
        <translation>打开签名判读(&amp;R)</translation>
    </message>
    <message>
        <source>Double-click an item to open it</source>
        <translation>双击打开该项</translation>
    </message>
    <message>
        <source>Read the &amp;trace and sign…</source>
        <translation>判读胎心监护并签名(&amp;T)…</translation>
    </message>
    <message>
        <source>Read the &amp;study and sign the report…</source>
        <translation>阅片并签发报告(&amp;S)…</translation>
    </message>
    <message>
        <source>Nothing attached.</source>
        <translation>无附件。</translation>
    </message>
    <message>
        <source>Answered with:</source>
        <translation>回复依据：</translation>
    </message>
</context>
<context>
    <name>RegistrationDialog</name>
    <message>
        <source>Register a pregnancy</source>
        <translation>孕妇建档</translation>
    </message>
    <message>
        <source>The woman</source>
        <translation>孕妇信息</translation>
    </message>
    <message>
        <source>18 characters; fills in the birth date</source>
        <translation>18 位；自动填写出生日期</translation>
    </message>
    <message>
        <source>assigned automatically if left empty</source>
        <translation>留空则自动生成</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>National &amp;ID number:</source>
        <translation>身份证号(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Birth date:</source>
        <translation>出生日期(&amp;B)：</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>电话(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>住址(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Record number:</source>
        <translation>病历号(&amp;R)：</translation>
    </message>
    <message>
        <source>This pregnancy</source>
        <translation>本次妊娠</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>&amp;Last menstrual period:</source>
        <translation>末次月经(&amp;L)：</translation>
    </message>
    <message>
        <source>Dating ultrasound</source>
        <translation>超声核对孕周</translation>
    </message>
    <message>
        <source>scan on</source>
        <translation>检查日期</translation>
    </message>
    <message>
        <source>measured</source>
        <translation>测得</translation>
    </message>
    <message>
        <source>weeks +</source>
        <translation>周 +</translation>
    </message>
    <message>
        <source>days</source>
        <translation>天</translation>
    </message>
    <message>
        <source>EDD / gestational age:</source>
        <translation>预产期 / 孕周：</translation>
    </message>
    <message>
        <source>G</source>
        <translation>孕</translation>
    </message>
    <message>
        <source>P</source>
        <translation>产</translation>
    </message>
    <message>
        <source>fetuses</source>
        <translation>胎数</translation>
    </message>
    <message>
        <source>&amp;Gravida / para:</source>
        <translation>孕次 / 产次(&amp;G)：</translation>
    </message>
    <message>
        <source>cm</source>
        <translation>厘米</translation>
    </message>
    <message>
        <source>kg</source>
        <translation>千克</translation>
    </message>
    <message>
        <source>pre-pregnancy weight</source>
        <translation>孕前体重</translation>
    </message>
    <message>
        <source>&amp;Height:</source>
        <translation>身高(&amp;H)：</translation>
    </message>
    <message>
        <source>last on</source>
        <translation>末次手术于</translation>
    </message>
    <message>
        <source>&amp;Uterine operations (caesarean, myomectomy …):</source>
        <translation>子宫手术次数（剖宫产、肌瘤剔除等）(&amp;U)：</translation>
    </message>
    <message>
        <source>enter the LMP or a dating ultrasound</source>
        <translation>请输入末次月经或超声孕周</translation>
    </message>
    <message>
        <source>by ultrasound</source>
        <translation>按超声</translation>
    </message>
    <message>
        <source>by LMP</source>
        <translation>按末次月经</translation>
    </message>
    <message>
        <source>EDD %1 (%2) · today %3 weeks</source>
        <translation>预产期 %1（%2）· 今日孕 %3 周</translation>
    </message>
    <message>
        <source>Height is not a number.</source>
        <translation>身高不是有效数字。</translation>
    </message>
    <message>
        <source>Weight is not a number.</source>
        <translation>体重不是有效数字。</translation>
    </message>
</context>
<context>
    <name>RiskAppearance</name>
    <message>
        <source>Green · low</source>
        <translation>绿色 · 低风险</translation>
    </message>
    <message>
        <source>Yellow · moderate</source>
        <translation>黄色 · 一般风险</translation>
    </message>
    <message>
        <source>Orange · high</source>
        <translation>橙色 · 较高风险</translation>
    </message>
    <message>
        <source>Red · very high</source>
        <translation>红色 · 高风险</translation>
    </message>
    <message>
        <source>Not graded</source>
        <translation>未评估</translation>
    </message>
    <message>
        <source>Purple · infectious</source>
        <translation>紫色 · 传染病</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>绿色</translation>
    </message>
    <message>
        <source>Yellow</source>
        <translation>黄色</translation>
    </message>
    <message>
        <source>Orange</source>
        <translation>橙色</translation>
    </message>
    <message>
        <source>Red</source>
        <translation>红色</translation>
    </message>
    <message>
        <source>Purple</source>
        <translation>紫色</translation>
    </message>
</context>
<context>
    <name>RiskEngine</name>
    <message>
        <source>&quot;%1&quot; is not an item of rule set %2 %3.</source>
        <translation>“%1”不是规则集 %2 %3 中的条目。</translation>
    </message>
    <message>
        <source>Item %1 is computed from the record and cannot be ticked.</source>
        <translation>条目 %1 由档案数据自动计算，不能手工勾选。</translation>
    </message>
</context>
<context>
    <name>RiskJson</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>is required (YYYY-MM-DD).</source>
        <translation>为必填项（YYYY-MM-DD）。</translation>
    </message>
    <message>
        <source>must be a date written YYYY-MM-DD.</source>
        <translation>必须是 YYYY-MM-DD 格式的日期。</translation>
    </message>
    <message>
        <source>must be a number.</source>
        <translation>必须是数字。</translation>
    </message>
    <message>
        <source>must be a whole number.</source>
        <translation>必须是整数。</translation>
    </message>
    <message>
        <source>%1 is impossible here (expected %2 to %3).</source>
        <translation>%1 不合理（应在 %2 到 %3 之间）。</translation>
    </message>
    <message>
        <source>must be &quot;positive&quot; or &quot;negative&quot;.</source>
        <translation>必须是 &quot;positive&quot;（阳性）或 &quot;negative&quot;（阴性）。</translation>
    </message>
    <message>
        <source>%1: unknown key (allowed: %2).</source>
        <translation>%1：未知的键（允许的键：%2）。</translation>
    </message>
    <message>
        <source>must be an object with systolic and diastolic.</source>
        <translation>必须是包含 systolic 和 diastolic 的对象。</translation>
    </message>
    <message>
        <source>needs both systolic and diastolic.</source>
        <translation>需要同时给出 systolic 和 diastolic。</translation>
    </message>
    <message>
        <source>diastolic must be lower than systolic.</source>
        <translation>舒张压必须低于收缩压。</translation>
    </message>
    <message>
        <source>must be before assessedOn.</source>
        <translation>必须早于 assessedOn。</translation>
    </message>
    <message>
        <source>gives an impossible age for a pregnancy.</source>
        <translation>得出的年龄不可能妊娠。</translation>
    </message>
    <message>
        <source>is after assessedOn.</source>
        <translation>晚于 assessedOn。</translation>
    </message>
    <message>
        <source>is before the birth date.</source>
        <translation>早于出生日期。</translation>
    </message>
    <message>
        <source>is given but uterineSurgeries is 0.</source>
        <translation>已给出，但 uterineSurgeries 为 0。</translation>
    </message>
    <message>
        <source>must be an object.</source>
        <translation>必须是对象。</translation>
    </message>
    <message>
        <source>must be an array of readings.</source>
        <translation>必须是测量值数组。</translation>
    </message>
    <message>
        <source>must be cephalic, breech, transverse, oblique or unknown.</source>
        <translation>必须是 cephalic、breech、transverse、oblique 或 unknown。</translation>
    </message>
    <message>
        <source>must be an array of rule ids.</source>
        <translation>必须是条目编号数组。</translation>
    </message>
    <message>
        <source>must contain rule ids as strings.</source>
        <translation>必须以字符串形式给出条目编号。</translation>
    </message>
    <message>
        <source>The input is not valid JSON: %1 (at byte %2).</source>
        <translation>输入不是有效的 JSON：%1（第 %2 字节）。</translation>
    </message>
    <message>
        <source>The input must be one JSON object {&quot;assessedOn&quot;: ...}, not an array or a value.</source>
        <translation>输入必须是一个 JSON 对象 {&quot;assessedOn&quot;: ...}，而不是数组或单个值。</translation>
    </message>
    <message>
        <source>%1 is impossible in g/L (expected 20 to 250; a value in g/dL is multiplied by 10).</source>
        <translation>%1 不可能是以 g/L 为单位的数值（应为 20 至 250；以 g/dL 为单位的数值请乘以 10）。</translation>
    </message>
</context>
<context>
    <name>RiskPanel</name>
    <message>
        <source>&amp;Confirm proposed grade</source>
        <translation>确认建议分级(&amp;C)</translation>
    </message>
    <message>
        <source>Grade &amp;differently…</source>
        <translation>另行分级(&amp;D)…</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>条目</translation>
    </message>
    <message>
        <source>Color</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>Why (evidence)</source>
        <translation>依据</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>GA</source>
        <translation>孕周</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>分级</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <source>By</source>
        <translation>决定人</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>&amp;Assessment form…</source>
        <translation>评估表(&amp;A)…</translation>
    </message>
    <message>
        <source>Proposed by the rules</source>
        <translation>规则建议</translation>
    </message>
    <message>
        <source>Grade history:</source>
        <translation>分级历史：</translation>
    </message>
    <message>
        <source>%1 on %2 by %3</source>
        <translation>%1，%2，%3</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Graded differently</source>
        <translation>已另行分级</translation>
    </message>
    <message>
        <source>No grade decided yet.</source>
        <translation>尚未确定分级。</translation>
    </message>
    <message>
        <source>The record now calls for this grade (%1). Confirm it, or grade differently with a reason.</source>
        <translation>根据档案数据建议此分级（%1）。请确认，或填写理由另行分级。</translation>
    </message>
    <message>
        <source>Nothing new to decide: the rules agree with the decided grade.</source>
        <translation>无需新的决定：规则与已确定的分级一致。</translation>
    </message>
    <message>
        <source>proposed</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>graded differently</source>
        <translation>另行分级</translation>
    </message>
    <message>
        <source>Suggested — please check: %1</source>
        <translation>提示 — 请核实：%1</translation>
    </message>
    <message>
        <source>Grade differently</source>
        <translation>另行分级</translation>
    </message>
    <message>
        <source>no infectious disease</source>
        <translation>无传染性疾病</translation>
    </message>
    <message>
        <source>Why does this woman&apos;s grade differ from the rules&apos; proposal? (required)</source>
        <translation>为什么该孕妇的分级与规则建议不同？（必填）</translation>
    </message>
    <message>
        <source>Grade:</source>
        <translation>分级：</translation>
    </message>
    <message>
        <source>Purple:</source>
        <translation>紫色：</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>理由：</translation>
    </message>
    <message>
        <source>Grade along the pregnancy</source>
        <translation>孕期风险分级变化</translation>
    </message>
    <message>
        <source>gestational age (weeks)</source>
        <translation>孕周</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>疾病/情况</translation>
    </message>
    <message>
        <source>Seen in</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>&amp;Screening form…</source>
        <translation>筛查表(&amp;S)…</translation>
    </message>
    <message>
        <source>孕产妇妊娠风险筛查表: at the first antenatal visit</source>
        <translation>孕产妇妊娠风险筛查表：首次产前检查时填写</translation>
    </message>
    <message>
        <source>孕产妇妊娠风险评估表: tick findings by organ system</source>
        <translation>孕产妇妊娠风险评估表：按系统勾选评估项目</translation>
    </message>
    <message>
        <source>Layer 1 — decided grade and what it calls for</source>
        <translation>第一层 —— 已确定的分级及管理要求</translation>
    </message>
    <message>
        <source>Layer 1 — items that set the grade, with their evidence</source>
        <translation>第一层 —— 决定分级的项目及依据</translation>
    </message>
    <message>
        <source>Layer 2 — disease profile: conditions by organ system and where they were seen</source>
        <translation>第二层 —— 疾病概况：按系统列出的疾病及其来源</translation>
    </message>
    <message>
        <source>Not graded yet: screen her at the first antenatal visit (Screening form), then assess and grade.</source>
        <translation>尚未分级：请在首次产前检查时进行筛查（筛查表），再进行评估分级。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Level of care:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;保健管理：&lt;/b&gt;%1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Purple:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;紫色：&lt;/b&gt;%1</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Dedicated case management (专案管理):&lt;/b&gt; a named doctor and nurse follow her through pregnancy and after birth; contact at least every %n day(s).</source>
        <translation>
            <numerusform>&lt;b&gt;专案管理：&lt;/b&gt;由指定医生和护士负责孕期至产后的全程管理；至少每 %n 天随访一次。</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;Case management:&lt;/b&gt; not needed for this grade.</source>
        <translation>&lt;b&gt;专案管理：&lt;/b&gt;该分级无需专案管理。</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Report&lt;/b&gt; to the district MCH institution within %n working day(s) of the decision.</source>
        <translation>
            <numerusform>分级确定后 %n 个工作日内&lt;b&gt;报告&lt;/b&gt;辖区妇幼保健机构。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Report&lt;/b&gt; to the district MCH institution within %n day(s) of the decision.</source>
        <translation>
            <numerusform>分级确定后 %n 天内&lt;b&gt;报告&lt;/b&gt;辖区妇幼保健机构。</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;Screening (筛查):&lt;/b&gt; not done yet — use the Screening form at the first antenatal visit.</source>
        <translation>&lt;b&gt;筛查：&lt;/b&gt;尚未筛查 —— 请在首次产前检查时填写筛查表。</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Screening (筛查):&lt;/b&gt; ▲ positive on %1 by %2 (%n item(s)) — assess and grade her.</source>
        <translation>
            <numerusform>&lt;b&gt;筛查：&lt;/b&gt;▲ 阳性，%1 由 %2 筛查（%n 项）—— 请进行评估分级。</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;Screening (筛查):&lt;/b&gt; ● negative on %1 by %2 — green.</source>
        <translation>&lt;b&gt;筛查：&lt;/b&gt;● 阴性，%1 由 %2 筛查 —— 绿色。</translation>
    </message>
    <message>
        <source>No condition known from history or findings.</source>
        <translation>病史和检查中未发现疾病或异常情况。</translation>
    </message>
    <message>
        <source>%1 (suggested, not yet confirmed)</source>
        <translation>%1（系统提示，尚未确认）</translation>
    </message>
    <message>
        <source>%1 (history from the screening)</source>
        <translation>%1（筛查所得病史）</translation>
    </message>
    <message>
        <source>to weigh</source>
        <translation>待评估</translation>
    </message>
</context>
<context>
    <name>RleHeader</name>
    <message>
        <source>The RLE-compressed frame is damaged: %1.</source>
        <translation>RLE 压缩帧已损坏：%1。</translation>
    </message>
    <message>
        <source>its header is incomplete</source>
        <translation>帧头不完整</translation>
    </message>
    <message>
        <source>it has %1 segments where the image needs %2</source>
        <translation>帧中有 %1 个段，而图像需要 %2 个</translation>
    </message>
    <message>
        <source>segment %1 starts outside the frame</source>
        <translation>第 %1 段的起点超出了帧的范围</translation>
    </message>
</context>
<context>
    <name>RuleSet</name>
    <message>
        <source>Rule %1: a condition must be an object.</source>
        <translation>条目 %1：条件必须是对象。</translation>
    </message>
    <message>
        <source>Rule %1: %2 needs at least one condition.</source>
        <translation>条目 %1：%2 至少需要一个条件。</translation>
    </message>
    <message>
        <source>Rule %1: unknown input &quot;%2&quot;.</source>
        <translation>条目 %1：未知的输入项“%2”。</translation>
    </message>
    <message>
        <source>Rule %1: &quot;equals&quot; must be true or false.</source>
        <translation>条目 %1：&quot;equals&quot; 必须是 true 或 false。</translation>
    </message>
    <message>
        <source>Rule %1: bound &quot;%2&quot; must be a number.</source>
        <translation>条目 %1：界值“%2”必须是数字。</translation>
    </message>
    <message>
        <source>Rule %1: two %2 bounds.</source>
        <translation>条目 %1：有两个 %2 界值。</translation>
    </message>
    <message>
        <source>Rule %1: a range needs above, atLeast, below or atMost.</source>
        <translation>条目 %1：范围需要 above、atLeast、below 或 atMost。</translation>
    </message>
    <message>
        <source>Rule %1: the lower bound is above the upper bound.</source>
        <translation>条目 %1：下限高于上限。</translation>
    </message>
    <message>
        <source>The rule set file %1 cannot be read.</source>
        <translation>无法读取规则集文件 %1。</translation>
    </message>
    <message>
        <source>The rule set is not valid JSON: %1 (at byte %2).</source>
        <translation>规则集不是有效的 JSON：%1（第 %2 字节）。</translation>
    </message>
    <message>
        <source>The rule set needs an id and a version.</source>
        <translation>规则集需要编号和版本。</translation>
    </message>
    <message>
        <source>Level &quot;%1&quot; is missing an id or is defined twice.</source>
        <translation>等级“%1”缺少编号或重复定义。</translation>
    </message>
    <message>
        <source>Level %1 needs its own rank (0 = lowest).</source>
        <translation>等级 %1 需要唯一的级别序号（0 为最低）。</translation>
    </message>
    <message>
        <source>The default level &quot;%1&quot; is not a grade of this rule set.</source>
        <translation>默认等级“%1”不是本规则集的分级。</translation>
    </message>
    <message>
        <source>The rule set has no rules.</source>
        <translation>规则集中没有条目。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a rule id (color and clause number, e.g. yellow.1.1).</source>
        <translation>“%1”不是条目编号（颜色加条款号，如 yellow.1.1）。</translation>
    </message>
    <message>
        <source>Rule %1 is defined twice.</source>
        <translation>条目 %1 重复定义。</translation>
    </message>
    <message>
        <source>Rule %1 names level &quot;%2&quot;, which is not its color or not in this set.</source>
        <translation>条目 %1 指定的等级“%2”与其颜色不符或不在本规则集中。</translation>
    </message>
    <message>
        <source>Rule %1 names an unknown group &quot;%2&quot;.</source>
        <translation>条目 %1 指定了未知的分组“%2”。</translation>
    </message>
    <message>
        <source>Rule %1 needs both a Chinese and an English label.</source>
        <translation>条目 %1 需要中文和英文名称。</translation>
    </message>
    <message>
        <source>Rule %1 can never fire: it has no condition and is not a clinician finding.</source>
        <translation>条目 %1 永远不会触发：既没有计算条件，也不能由医生勾选。</translation>
    </message>
    <message>
        <source>Level %1 needs its care text in both Chinese and English.</source>
        <translation>等级 %1 的保健管理说明需同时提供中文和英文。</translation>
    </message>
    <message>
        <source>%1: unknown key &quot;%2&quot; (allowed: %3).</source>
        <translation>%1：未知字段“%2”（可用字段：%3）。</translation>
    </message>
    <message>
        <source>Rule %1, condition</source>
        <translation>规则 %1 的条件</translation>
    </message>
    <message>
        <source>Rule %1: a condition is exactly one of anyOf, allOf or an input with its bounds.</source>
        <translation>规则 %1：条件必须是 anyOf、allOf 或带界值的输入项三者之一。</translation>
    </message>
    <message>
        <source>The rule set</source>
        <translation>规则集</translation>
    </message>
    <message>
        <source>Level %1</source>
        <translation>级别 %1</translation>
    </message>
    <message>
        <source>Level %1: kind &quot;%2&quot; is neither &quot;grade&quot; nor &quot;flag&quot;.</source>
        <translation>级别 %1：类型“%2”既不是“grade”（分级）也不是“flag”（标记）。</translation>
    </message>
    <message>
        <source>Rule %1</source>
        <translation>规则 %1</translation>
    </message>
    <message>
        <source>Rule %1: &quot;clinicianFinding&quot; must be true or false.</source>
        <translation>规则 %1：“clinicianFinding”必须为 true 或 false。</translation>
    </message>
</context>
<context>
    <name>ScreeningChecklist</name>
    <message>
        <source>&quot;%1&quot; is not an item of screening form %2 %3.</source>
        <translation>“%1”不是筛查表 %2 %3 中的项目。</translation>
    </message>
    <message>
        <source>The screening form file %1 cannot be read.</source>
        <translation>无法读取筛查表文件 %1。</translation>
    </message>
    <message>
        <source>The screening form is not valid JSON: %1 (at byte %2).</source>
        <translation>筛查表不是有效的 JSON：%1（第 %2 字节）。</translation>
    </message>
    <message>
        <source>The screening form needs an id and a version.</source>
        <translation>筛查表必须有标识和版本号。</translation>
    </message>
    <message>
        <source>The screening form belongs to rule set &quot;%1&quot;, but the active rule set is &quot;%2&quot;.</source>
        <translation>该筛查表属于规则集“%1”，但当前启用的规则集是“%2”。</translation>
    </message>
    <message>
        <source>Part &quot;%1&quot; needs its own id and a Chinese and an English label.</source>
        <translation>部分“%1”需要唯一的标识以及中文和英文名称。</translation>
    </message>
    <message>
        <source>Section &quot;%1&quot; needs its own id and a Chinese and an English label.</source>
        <translation>栏目“%1”需要唯一的标识以及中文和英文名称。</translation>
    </message>
    <message>
        <source>Section %1 names an unknown part &quot;%2&quot;.</source>
        <translation>栏目 %1 引用了不存在的部分“%2”。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a screening item id (screen. and the clause number, e.g. screen.1.1).</source>
        <translation>“%1”不是有效的筛查项目标识（应为 screen. 加条款编号，例如 screen.1.1）。</translation>
    </message>
    <message>
        <source>Screening item %1 is defined twice.</source>
        <translation>筛查项目 %1 重复定义。</translation>
    </message>
    <message>
        <source>Screening item %1 names an unknown section &quot;%2&quot;.</source>
        <translation>筛查项目 %1 引用了不存在的栏目“%2”。</translation>
    </message>
    <message>
        <source>Screening item %1 names group &quot;%2&quot;, which rule set %3 does not have.</source>
        <translation>筛查项目 %1 引用的系统分组“%2”在规则集 %3 中不存在。</translation>
    </message>
    <message>
        <source>Screening item %1 needs both a Chinese and an English label.</source>
        <translation>筛查项目 %1 需同时提供中文和英文名称。</translation>
    </message>
    <message>
        <source>Screening item %1 suggests &quot;%2&quot;, which is not a finding of rule set %3.</source>
        <translation>筛查项目 %1 提示的“%2”不是规则集 %3 中可由医生勾选的评估项目。</translation>
    </message>
    <message>
        <source>The screening form has no items.</source>
        <translation>筛查表没有任何项目。</translation>
    </message>
</context>
<context>
    <name>ScreeningDialog</name>
    <message>
        <source>Pregnancy risk screening (筛查) — %1</source>
        <translation>妊娠风险筛查 —— %1</translation>
    </message>
    <message>
        <source>Tick what applies to her</source>
        <translation>勾选孕妇符合的项目</translation>
    </message>
    <message>
        <source>From the record</source>
        <translation>来自记录</translation>
    </message>
    <message>
        <source>Clause</source>
        <translation>条款</translation>
    </message>
    <message>
        <source>Details (e.g. which heart operation, when)</source>
        <translation>详细情况（如何种心脏手术、手术时间）</translation>
    </message>
    <message>
        <source>First antenatal visit: tick every item that applies. Blue rows are answered by the data already entered (from the record). One item ticked makes the screen positive: she is then assessed and graded (评估分级).</source>
        <translation>首次产前检查：请勾选所有符合的项目。蓝色行已由录入的数据自动判定（来自记录）。任一项符合即为筛查阳性，需进行妊娠风险评估分级。</translation>
    </message>
    <message>
        <source>Details:</source>
        <translation>详细情况：</translation>
    </message>
    <message>
        <source>Yes, from the record: %1</source>
        <translation>是，来自记录：%1</translation>
    </message>
    <message>
        <source>No, from the record</source>
        <translation>否，来自记录</translation>
    </message>
    <message>
        <source>Not in the record yet: ask or examine her</source>
        <translation>记录中尚无数据：请询问或检查</translation>
    </message>
    <message numerus="yes">
        <source>▲ Screen POSITIVE (%n item(s) apply): assess and grade her now (评估分级) on the assessment form.</source>
        <translation>
            <numerusform>▲ 筛查阳性（符合 %n 项）：请立即在评估表上进行妊娠风险评估分级。</numerusform>
        </translation>
    </message>
    <message>
        <source>Save and &amp;assess…</source>
        <translation>保存并评估(&amp;A)…</translation>
    </message>
    <message>
        <source>● Screen negative: no item applies — green (low risk), routine antenatal care.</source>
        <translation>● 筛查阴性：无符合项目 —— 绿色（低风险），常规孕产期保健。</translation>
    </message>
    <message>
        <source>&amp;Save screening</source>
        <translation>保存筛查(&amp;S)</translation>
    </message>
</context>
<context>
    <name>ScreeningService</name>
    <message>
        <source>There is no pregnancy to screen.</source>
        <translation>没有可筛查的妊娠。</translation>
    </message>
    <message>
        <source>A screening is recorded by a named clinician.</source>
        <translation>筛查须由具名临床医生记录。</translation>
    </message>
</context>
<context>
    <name>SegmentedPalette</name>
    <message>
        <source>an indirect segment reaches past the end of the data</source>
        <translation>间接段超出了数据末尾</translation>
    </message>
    <message>
        <source>a segment is cut short</source>
        <translation>某个段不完整</translation>
    </message>
    <message>
        <source>a discrete segment is cut short</source>
        <translation>离散段不完整</translation>
    </message>
    <message>
        <source>the segments give more than 65536 entries</source>
        <translation>各段展开后超过 65536 个表项</translation>
    </message>
    <message>
        <source>a linear segment comes first</source>
        <translation>第一个段是线性段</translation>
    </message>
    <message>
        <source>a linear segment is cut short</source>
        <translation>线性段不完整</translation>
    </message>
    <message>
        <source>an indirect segment comes first</source>
        <translation>第一个段是间接段</translation>
    </message>
    <message>
        <source>an indirect segment is cut short</source>
        <translation>间接段不完整</translation>
    </message>
    <message>
        <source>indirect segments are nested too deeply</source>
        <translation>间接段嵌套层数过多</translation>
    </message>
    <message>
        <source>unknown segment type %1</source>
        <translation>未知的段类型 %1</translation>
    </message>
    <message>
        <source>red</source>
        <translation>红色</translation>
    </message>
    <message>
        <source>green</source>
        <translation>绿色</translation>
    </message>
    <message>
        <source>blue</source>
        <translation>蓝色</translation>
    </message>
    <message>
        <source>The %1 segmented palette cannot be read: %2.</source>
        <translation>无法读取%1分段调色板：%2。</translation>
    </message>
    <message>
        <source>the segments give %1 entries but the descriptor says %2</source>
        <translation>各段展开后为 %1 个表项，但描述符为 %2 个</translation>
    </message>
    <message>
        <source>it is missing</source>
        <translation>缺少该调色板</translation>
    </message>
    <message>
        <source>its descriptor is missing or incomplete</source>
        <translation>其描述符缺失或不完整</translation>
    </message>
    <message>
        <source>its data is empty</source>
        <translation>其数据为空</translation>
    </message>
    <message>
        <source>entries of %1 bits cannot be expanded</source>
        <translation>无法展开 %1 位的表项</translation>
    </message>
    <message>
        <source>a palette of %1 entries is impossible</source>
        <translation>调色板不可能有 %1 个表项</translation>
    </message>
    <message>
        <source>its indirect segments copy each other too often</source>
        <translation>其间接段相互复制次数过多</translation>
    </message>
    <message>
        <source>an indirect segment points between two entries</source>
        <translation>间接段指向两个表项之间</translation>
    </message>
    <message>
        <source>an indirect segment points at itself or further on</source>
        <translation>间接段指向自身或其后的位置</translation>
    </message>
</context>
<context>
    <name>SeriesBrowser</name>
    <message numerus="yes">
        <source>Reading %n file(s)…</source>
        <translation>
            <numerusform>正在读取 %n 个文件…</numerusform>
        </translation>
    </message>
    <message>
        <source>Study</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Series %1</source>
        <translation>序列 %1</translation>
    </message>
    <message numerus="yes">
        <source>Image %1 · cine, %n frame(s)</source>
        <translation>
            <numerusform>图像 %1 · 动态，%n 帧</numerusform>
        </translation>
    </message>
    <message>
        <source>Image %1</source>
        <translation>图像 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s); %1 file(s) are not readable DICOM and are not shown.</source>
        <translation>
            <numerusform>%n 幅图像；%1 个文件不是可读取的 DICOM，未显示。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n 幅图像</numerusform>
        </translation>
    </message>
    <message>
        <source>Measurements report from the ultrasound machine</source>
        <translation>超声仪测量报告</translation>
    </message>
</context>
<context>
    <name>SessionLock</name>
    <message>
        <source>ObsLink is locked</source>
        <translation>ObsLink 已锁定</translation>
    </message>
    <message>
        <source>Locked after a time without use, to keep patient records private. %1, enter your password to go on.</source>
        <translation>为保护患者隐私，工作站在一段时间无操作后已锁定。%1，请输入密码继续。</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>The password is not right.</source>
        <translation>密码不正确。</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>ObsLink — sign in</source>
        <translation>ObsLink — 登录</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>用户：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Sign in with your account at the regional center (%1). Without a connection, the password of your last sign-in on this computer is accepted.</source>
        <translation>请使用您在区域中心（%1）的账户登录。无法连接时，可使用您上次在本机登录时的密码。</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>新密码：</translation>
    </message>
    <message>
        <source>Repeat it:</source>
        <translation>再次输入：</translation>
    </message>
    <message>
        <source>The two new passwords differ; type the same one twice.</source>
        <translation>两次输入的新密码不一致，请输入相同的密码。</translation>
    </message>
    <message>
        <source>Change and sign in</source>
        <translation>修改并登录</translation>
    </message>
</context>
<context>
    <name>SignInThrottle</name>
    <message numerus="yes">
        <source>Too many wrong passwords from this computer; try again in %n minute(s), or ask your administrator to unlock the account.</source>
        <translation>
            <numerusform>此计算机上密码错误次数过多；请在 %n 分钟后重试，或请管理员解锁账号。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SqlError</name>
    <message>
        <source>The local database could not complete an operation (%1): %2. Nothing was changed.</source>
        <translation>本地数据库无法完成操作（%1）：%2。未做任何更改。</translation>
    </message>
</context>
<context>
    <name>StructuredReportReader</name>
    <message>
        <source>The file %1 cannot be read.</source>
        <translation>无法读取文件 %1。</translation>
    </message>
    <message>
        <source>%1 is not a readable DICOM file (%2).</source>
        <translation>%1 不是可读取的 DICOM 文件（%2）。</translation>
    </message>
    <message>
        <source>%1 is not a structured report (SOP class %2).</source>
        <translation>%1 不是结构化报告（SOP 类 %2）。</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>The structured report %1 cannot be read: its content tree is malformed (%2).</source>
        <translation>无法读取结构化报告 %1：其内容树格式错误（%2）。</translation>
    </message>
    <message>
        <source>The structured report %1 has no content.</source>
        <translation>结构化报告 %1 没有内容。</translation>
    </message>
    <message>
        <source>The structured report %1 cannot be read: its content tree is malformed.</source>
        <translation>无法读取结构化报告 %1：其内容树格式错误。</translation>
    </message>
</context>
<context>
    <name>StudyCache</name>
    <message>
        <source>The study cache folder %1 cannot be written.</source>
        <translation>无法写入检查缓存文件夹 %1。</translation>
    </message>
</context>
<context>
    <name>StudyJson</name>
    <message>
        <source>The PACS answered the study search with something that is not DICOM JSON.</source>
        <translation>PACS 对检查查询的应答不是 DICOM JSON 格式。</translation>
    </message>
    <message>
        <source>The PACS listed a study without a valid Study Instance UID.</source>
        <translation>PACS 列出的某项检查没有有效的检查实例 UID。</translation>
    </message>
</context>
<context>
    <name>SurnameReadings</name>
    <message>
        <source>The table of surname readings %1 cannot be read.</source>
        <translation>无法读取姓氏读音表 %1。</translation>
    </message>
    <message>
        <source>Line %1 of the table of surname readings %2 is not a surname of one or two characters, a tab and one reading per character.</source>
        <translation>姓氏读音表 %2 第 %1 行不是“一或两个字的姓氏、制表符、每字一个读音”的格式。</translation>
    </message>
    <message>
        <source>Line %1 of the table of surname readings %2 reads %3 as %4, which is not one of its readings.</source>
        <translation>姓氏读音表 %2 第 %1 行把 %3 读作 %4，但这不是它的读音之一。</translation>
    </message>
</context>
<context>
    <name>SyncConflicts</name>
    <message>
        <source>This conflict has already been resolved.</source>
        <translation>该冲突已处理。</translation>
    </message>
    <message>
        <source>A record the center sent that this workstation could not store is kept for the administrator; it cannot be chosen field by field.</source>
        <translation>区域中心发来但本工作站无法保存的记录已留待管理员处理，不能逐字段选择。</translation>
    </message>
    <message>
        <source>The conflict names a field this workstation does not have.</source>
        <translation>该冲突涉及本工作站没有的字段。</translation>
    </message>
</context>
<context>
    <name>SyncEngine</name>
    <message>
        <source>The center&apos;s reply cannot be read: %1</source>
        <translation>无法读取中心的应答：%1</translation>
    </message>
    <message>
        <source>The center did not keep the audit entries it was sent.</source>
        <translation>中心未保存发送的审计记录。</translation>
    </message>
</context>
<context>
    <name>SyncJournal</name>
    <message>
        <source>The sync definition of %1 cannot be read.</source>
        <translation>无法读取 %1 的同步定义。</translation>
    </message>
</context>
<context>
    <name>SyncStatusIndicator</name>
    <message>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <source>Send this clinic&apos;s changes to the regional center and fetch the region&apos;s (F9)</source>
        <translation>将本机构的修改发送到区域中心，并获取区域内的更新（F9）</translation>
    </message>
    <message>
        <source>Not connected to the regional center</source>
        <translation>未连接区域中心</translation>
    </message>
    <message>
        <source>This clinic works on its own records. Settings → Regional center connects it.</source>
        <translation>本机构仅使用本地档案。可在“设置 → 区域中心”中连接。</translation>
    </message>
    <message>
        <source>Sign-in needed</source>
        <translation>需要登录</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>%1
Next attempt at %2. Work goes on here and is sent when the center is reachable.</source>
        <translation>%1
将于 %2 再次尝试。可继续在本机工作，待区域中心可连接时自动发送。</translation>
    </message>
    <message numerus="yes">
        <source>Syncing… %n record(s), %1</source>
        <translation>
            <numerusform>正在同步… %n 条记录，%1</numerusform>
        </translation>
    </message>
    <message>
        <source>Sending this clinic&apos;s changes and fetching the region&apos;s.</source>
        <translation>正在发送本机构的修改并获取区域内的更新。</translation>
    </message>
    <message>
        <source>Synced %1</source>
        <translation>已同步 %1</translation>
    </message>
    <message>
        <source>Up to date with the regional center.</source>
        <translation>已与区域中心保持一致。</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) to send</source>
        <translation>
            <numerusform>%n 条修改待发送</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) refused by the center are kept here with the reason.</source>
        <translation>
            <numerusform>%n 条修改被区域中心拒绝，已连同原因保留在本机。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n conflict(s)</source>
        <translation>
            <numerusform>⚠ %n 个冲突</numerusform>
        </translation>
    </message>
    <message>
        <source>The same field was changed here and elsewhere: choose which value to keep.</source>
        <translation>同一字段在本机和其他地方都被修改：请选择保留哪个值。</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>登录…</translation>
    </message>
    <message numerus="yes">
        <source>⚠ Clock off by %n min</source>
        <translation>
            <numerusform>⚠ 时钟偏差 %n 分钟</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncWorkbench</name>
    <message>
        <source>S&amp;ync with the regional center now</source>
        <translation>立即与区域中心同步(&amp;Y)</translation>
    </message>
    <message>
        <source>Sync &amp;conflicts…</source>
        <translation>同步冲突(&amp;C)…</translation>
    </message>
    <message>
        <source>Regional &amp;center…</source>
        <translation>区域中心(&amp;C)…</translation>
    </message>
    <message>
        <source>Sound for &amp;emergencies</source>
        <translation>急诊提示音(&amp;E)</translation>
    </message>
    <message>
        <source>News from the regional center: syncing now.</source>
        <translation>区域中心有新消息，正在同步。</translation>
    </message>
    <message>
        <source>An emergency referral for this clinic has news: it is being synced now. See Worklists → Referrals.</source>
        <translation>本机构有急诊转诊的新进展，正在同步。请查看“工作清单 → 转诊”。</translation>
    </message>
    <message>
        <source>ObsLink — emergency</source>
        <translation>ObsLink —— 急诊</translation>
    </message>
</context>
<context>
    <name>TagBrowser</name>
    <message>
        <source>Filter by tag, name or value</source>
        <translation>按标签、名称或值筛选</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>VR</source>
        <translation>VR</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
</context>
<context>
    <name>TrendCharts</name>
    <message>
        <source>gestational age (weeks)</source>
        <translation>孕周</translation>
    </message>
    <message>
        <source>Blood pressure</source>
        <translation>血压</translation>
    </message>
    <message>
        <source>mmHg</source>
        <translation>mmHg</translation>
    </message>
    <message>
        <source>systolic</source>
        <translation>收缩压</translation>
    </message>
    <message>
        <source>diastolic</source>
        <translation>舒张压</translation>
    </message>
    <message>
        <source>140 mmHg</source>
        <translation>140 mmHg</translation>
    </message>
    <message>
        <source>90 mmHg</source>
        <translation>90 mmHg</translation>
    </message>
    <message>
        <source>Weight gain</source>
        <translation>孕期增重</translation>
    </message>
    <message>
        <source>kg since before pregnancy</source>
        <translation>较孕前增加（千克）</translation>
    </message>
    <message>
        <source>recommended</source>
        <translation>推荐范围</translation>
    </message>
    <message>
        <source>measured</source>
        <translation>测得</translation>
    </message>
    <message>
        <source>Weight gain (enter the pre-pregnancy weight to compare with the recommended band)</source>
        <translation>孕期增重（填写孕前体重后可与推荐范围比较）</translation>
    </message>
    <message>
        <source>Fundal height</source>
        <translation>宫高</translation>
    </message>
    <message>
        <source>cm</source>
        <translation>厘米</translation>
    </message>
    <message>
        <source>expected (weeks ± 2 cm)</source>
        <translation>预期范围（孕周 ± 2 厘米）</translation>
    </message>
</context>
<context>
    <name>UltrasoundExamRecords</name>
    <message>
        <source>The pregnancy of this exam is no longer in the record.</source>
        <translation>本次检查所属的妊娠记录已不存在。</translation>
    </message>
</context>
<context>
    <name>UltrasoundExamsView</name>
    <message>
        <source>Open DICOM &amp;files…</source>
        <translation>打开 DICOM 文件(&amp;F)…</translation>
    </message>
    <message>
        <source>Open a DICOM f&amp;older…</source>
        <translation>打开 DICOM 文件夹(&amp;O)…</translation>
    </message>
    <message>
        <source>Exam date</source>
        <translation>检查日期</translation>
    </message>
    <message>
        <source>GA by ultrasound</source>
        <translation>超声孕周</translation>
    </message>
    <message>
        <source>EFW (g)</source>
        <translation>估计胎儿体重 (g)</translation>
    </message>
    <message>
        <source>%1 (mm)</source>
        <translation>%1 (mm)</translation>
    </message>
    <message>
        <source>Dates the pregnancy</source>
        <translation>用于核定孕周</translation>
    </message>
    <message>
        <source>Open ultrasound images in the viewer; biometry measured there is saved to this pregnancy</source>
        <translation>在浏览器中打开超声图像；在其中完成的生物测量保存到本次妊娠</translation>
    </message>
    <message>
        <source>No current pregnancy: ultrasound exams are recorded for a pregnancy.</source>
        <translation>当前没有妊娠记录：超声检查需记录在某次妊娠下。</translation>
    </message>
    <message>
        <source>No ultrasound exam recorded yet. Open the images, measure the biometry and save it to the pregnancy.</source>
        <translation>尚无超声检查记录。请打开图像，完成生物测量并保存到本次妊娠。</translation>
    </message>
    <message numerus="yes">
        <source>%n ultrasound exam(s), newest first.</source>
        <translation>
            <numerusform>共 %n 次超声检查，最近的在前。</numerusform>
        </translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>Impression</source>
        <translation>超声提示</translation>
    </message>
    <message>
        <source>Study</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>No ultrasound report yet.</source>
        <translation>尚无超声检查报告。</translation>
    </message>
    <message numerus="yes">
        <source>%n ultrasound report(s):</source>
        <translation>
            <numerusform>超声检查报告 %n 份：</numerusform>
        </translation>
    </message>
    <message>
        <source>Signed by %1, %2</source>
        <translation>%1 签名，%2</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Amendment: %1</source>
        <translation>更正报告：%1</translation>
    </message>
    <message>
        <source>Superseded: %1</source>
        <translation>已被更正：%1</translation>
    </message>
</context>
<context>
    <name>UltrasoundGestationalAge</name>
    <message>
        <source>A CRL above 84 mm (14+0) no longer dates the pregnancy: measure BPD, HC, AC and FL.</source>
        <translation>头臀长超过 84 mm（14+0 周）后不再用于核定孕周：请测量 BPD、HC、AC 和 FL。</translation>
    </message>
    <message>
        <source>NT does not date a pregnancy.</source>
        <translation>NT 不能用于核定孕周。</translation>
    </message>
    <message>
        <source>Gestational age needs a CRL (first trimester) or BPD, HC, AC or FL.</source>
        <translation>推算孕周需要头臀长（早孕期）或 BPD、HC、AC、FL 之一。</translation>
    </message>
    <message>
        <source>CRL (Robinson)</source>
        <translation>头臀长（Robinson）</translation>
    </message>
    <message>
        <source>Hadlock composite (BPD, HC, AC, FL)</source>
        <translation>Hadlock 综合公式（BPD、HC、AC、FL）</translation>
    </message>
    <message numerus="yes">
        <source>Hadlock, average of %n measurement(s)</source>
        <translation>
            <numerusform>Hadlock，%n 项测量的平均值</numerusform>
        </translation>
    </message>
    <message>
        <source>Hadlock, one measurement</source>
        <translation>Hadlock，单项测量</translation>
    </message>
</context>
<context>
    <name>UltrasoundMeasurement</name>
    <message>
        <source>Not calibrated: this region of the image measures %1 across and %2 down, not centimetres.</source>
        <translation>未校准：图像此区域的横向单位为 %1、纵向为 %2，而非厘米。</translation>
    </message>
    <message>
        <source>Not calibrated: the points do not all lie in one calibrated ultrasound region of the image.</source>
        <translation>未校准：各点不全在图像的同一个已校准超声区域内。</translation>
    </message>
    <message>
        <source>Not calibrated: the image carries neither ultrasound regions nor a pixel spacing.</source>
        <translation>未校准：图像既无超声区域也无像素间距。</translation>
    </message>
</context>
<context>
    <name>UltrasoundReportForm</name>
    <message>
        <source>Reason for the amendment</source>
        <translation>更正原因</translation>
    </message>
    <message>
        <source>&amp;Save draft</source>
        <translation>保存草稿(&amp;S)</translation>
    </message>
    <message>
        <source>S&amp;ign report</source>
        <translation>签发报告(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Amend…</source>
        <translation>更正(&amp;A)…</translation>
    </message>
    <message>
        <source>Export &amp;PDF…</source>
        <translation>导出PDF(&amp;P)…</translation>
    </message>
    <message>
        <source>Ultrasound report</source>
        <translation>超声检查报告</translation>
    </message>
    <message>
        <source>not stated</source>
        <translation>未注明</translation>
    </message>
    <message>
        <source>present</source>
        <translation>可见</translation>
    </message>
    <message>
        <source>absent</source>
        <translation>未见</translation>
    </message>
    <message>
        <source> bpm</source>
        <translation> 次/分</translation>
    </message>
    <message>
        <source>cephalic</source>
        <translation>头位</translation>
    </message>
    <message>
        <source>breech</source>
        <translation>臀位</translation>
    </message>
    <message>
        <source>transverse</source>
        <translation>横位</translation>
    </message>
    <message>
        <source>oblique</source>
        <translation>斜位</translation>
    </message>
    <message>
        <source>anterior, posterior, fundal, low-lying…</source>
        <translation>前壁、后壁、宫底、低置…</translation>
    </message>
    <message>
        <source> cm</source>
        <translation> cm</translation>
    </message>
    <message>
        <source>Measurement</source>
        <translation>测量项目</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>测量值</translation>
    </message>
    <message>
        <source>Description of what the examination showed</source>
        <translation>超声所见描述</translation>
    </message>
    <message>
        <source>Impression (diagnosis)</source>
        <translation>超声提示（诊断）</translation>
    </message>
    <message>
        <source>Examination date</source>
        <translation>检查日期</translation>
    </message>
    <message>
        <source>Number of fetuses</source>
        <translation>胎儿数目</translation>
    </message>
    <message>
        <source>Fetal heart activity</source>
        <translation>胎心搏动</translation>
    </message>
    <message>
        <source>Fetal heart rate</source>
        <translation>胎心率</translation>
    </message>
    <message>
        <source>Presentation</source>
        <translation>胎方位</translation>
    </message>
    <message>
        <source>Placenta location</source>
        <translation>胎盘位置</translation>
    </message>
    <message>
        <source>Placenta grade</source>
        <translation>胎盘分级</translation>
    </message>
    <message>
        <source>Amniotic fluid index</source>
        <translation>羊水指数</translation>
    </message>
    <message>
        <source>Deepest pocket</source>
        <translation>最大羊水池深度</translation>
    </message>
    <message>
        <source>Biometry</source>
        <translation>胎儿生物测量</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>超声所见</translation>
    </message>
    <message>
        <source>Impression</source>
        <translation>超声提示</translation>
    </message>
    <message>
        <source>Reading doctor</source>
        <translation>报告医师</translation>
    </message>
    <message>
        <source>%1 mm</source>
        <translation>%1 mm</translation>
    </message>
    <message>
        <source>Estimated fetal weight (Hadlock)</source>
        <translation>估计胎儿体重（Hadlock）</translation>
    </message>
    <message>
        <source>%1 g</source>
        <translation>%1 g</translation>
    </message>
    <message>
        <source>Gestational age by ultrasound</source>
        <translation>超声孕周</translation>
    </message>
    <message>
        <source>Signed by %1 on %2</source>
        <translation>%1 于 %2 签名</translation>
    </message>
    <message>
        <source>Draft, not signed</source>
        <translation>草稿，未签名</translation>
    </message>
    <message>
        <source>Amendment, not signed</source>
        <translation>更正报告，未签名</translation>
    </message>
    <message>
        <source>Draft saved.</source>
        <translation>草稿已保存。</translation>
    </message>
    <message>
        <source>Report signed; it syncs to the requesting clinic.</source>
        <translation>报告已签发，将同步至申请检查的机构。</translation>
    </message>
    <message>
        <source>The signed report is kept; this amendment replaces it once signed.</source>
        <translation>原签名报告予以保留；本更正报告签名后取代原报告。</translation>
    </message>
    <message>
        <source>PDF saved: %1</source>
        <translation>PDF已保存：%1</translation>
    </message>
    <message>
        <source>Export the report as PDF</source>
        <translation>将报告导出为PDF</translation>
    </message>
    <message>
        <source>ultrasound-report.pdf</source>
        <translation>超声检查报告.pdf</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF文件 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>UltrasoundReportPdf</name>
    <message>
        <source>present</source>
        <translation>可见</translation>
    </message>
    <message>
        <source>absent</source>
        <translation>未见</translation>
    </message>
    <message>
        <source>not stated</source>
        <translation>未注明</translation>
    </message>
    <message>
        <source>cephalic</source>
        <translation>头位</translation>
    </message>
    <message>
        <source>breech</source>
        <translation>臀位</translation>
    </message>
    <message>
        <source>transverse</source>
        <translation>横位</translation>
    </message>
    <message>
        <source>oblique</source>
        <translation>斜位</translation>
    </message>
    <message>
        <source>Obstetric ultrasound report</source>
        <translation>产科超声检查报告</translation>
    </message>
    <message>
        <source>Amended report.</source>
        <translation>更正报告。</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>更正原因：%1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Examination date</source>
        <translation>检查日期</translation>
    </message>
    <message>
        <source>Study</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Study Instance UID</source>
        <translation>检查实例UID</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>超声所见</translation>
    </message>
    <message>
        <source>Number of fetuses</source>
        <translation>胎儿数目</translation>
    </message>
    <message>
        <source>Fetal heart activity</source>
        <translation>胎心搏动</translation>
    </message>
    <message>
        <source>Fetal heart rate</source>
        <translation>胎心率</translation>
    </message>
    <message>
        <source>bpm</source>
        <translation>次/分</translation>
    </message>
    <message>
        <source>Presentation</source>
        <translation>胎方位</translation>
    </message>
    <message>
        <source>Placenta</source>
        <translation>胎盘</translation>
    </message>
    <message>
        <source>grade %1</source>
        <translation>%1级</translation>
    </message>
    <message>
        <source>Amniotic fluid index</source>
        <translation>羊水指数</translation>
    </message>
    <message>
        <source>cm</source>
        <translation>cm</translation>
    </message>
    <message>
        <source>Deepest pocket</source>
        <translation>最大羊水池深度</translation>
    </message>
    <message>
        <source>Biometry</source>
        <translation>胎儿生物测量</translation>
    </message>
    <message>
        <source>Measurement</source>
        <translation>测量项目</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>测量值</translation>
    </message>
    <message>
        <source>mm</source>
        <translation>mm</translation>
    </message>
    <message>
        <source>Estimated fetal weight (Hadlock)</source>
        <translation>估计胎儿体重（Hadlock）</translation>
    </message>
    <message>
        <source>g</source>
        <translation>g</translation>
    </message>
    <message>
        <source>Gestational age by ultrasound</source>
        <translation>超声孕周</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Impression</source>
        <translation>超声提示</translation>
    </message>
    <message>
        <source>Reading doctor</source>
        <translation>报告医师</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>签名</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>签名时间</translation>
    </message>
    <message>
        <source>not signed (draft)</source>
        <translation>未签名（草稿）</translation>
    </message>
    <message>
        <source>The PDF could not be written to %1.</source>
        <translation>无法将PDF写入 %1。</translation>
    </message>
</context>
<context>
    <name>UltrasoundReportRepository</name>
    <message>
        <source>This report is signed and can no longer be changed; write an amendment instead.</source>
        <translation>该报告已签名，不能再修改；请出具更正报告。</translation>
    </message>
    <message>
        <source>This report is already signed.</source>
        <translation>该报告已签名。</translation>
    </message>
    <message>
        <source>The report must be signed by a named doctor.</source>
        <translation>报告须由具名医师签名。</translation>
    </message>
    <message>
        <source>Only a signed report is amended; edit the draft.</source>
        <translation>只有已签名的报告才能更正；草稿请直接修改。</translation>
    </message>
</context>
<context>
    <name>UltrasoundReportValidator</name>
    <message>
        <source>The study is not linked to a pregnancy.</source>
        <translation>该检查未关联到孕妇的本次妊娠。</translation>
    </message>
    <message>
        <source>The report names no study.</source>
        <translation>报告未指明检查（Study）。</translation>
    </message>
    <message>
        <source>Enter the examination date.</source>
        <translation>请填写检查日期。</translation>
    </message>
    <message>
        <source>Enter the number of fetuses (1 to 5).</source>
        <translation>请填写胎儿数目（1至5）。</translation>
    </message>
    <message>
        <source>State whether fetal heart activity is seen.</source>
        <translation>请注明是否可见胎心搏动。</translation>
    </message>
    <message>
        <source>The fetal heart rate must be between 50 and 240 bpm.</source>
        <translation>胎心率应在50至240次/分之间。</translation>
    </message>
    <message>
        <source>A heart rate cannot be given when no heart activity is seen.</source>
        <translation>未见胎心搏动时不能填写胎心率。</translation>
    </message>
    <message>
        <source>The placenta grade is 0 to III.</source>
        <translation>胎盘分级为0至III级。</translation>
    </message>
    <message>
        <source>The amniotic fluid index must be between 0 and 50 cm.</source>
        <translation>羊水指数应在0至50 cm之间。</translation>
    </message>
    <message>
        <source>The deepest pocket must be between 0 and 20 cm.</source>
        <translation>最大羊水池深度应在0至20 cm之间。</translation>
    </message>
    <message>
        <source>Write the impression.</source>
        <translation>请填写超声提示。</translation>
    </message>
    <message>
        <source>Name the reading doctor.</source>
        <translation>请填写报告医师。</translation>
    </message>
    <message>
        <source>Give the reason for the amendment.</source>
        <translation>请填写更正原因。</translation>
    </message>
</context>
<context>
    <name>UltrasoundWorkbench</name>
    <message>
        <source>Open &amp;DICOM…</source>
        <translation>打开 &amp;DICOM…</translation>
    </message>
    <message>
        <source>View ultrasound images; with a chart open, biometry is saved to her pregnancy</source>
        <translation>查看超声图像；打开孕妇档案时，生物测量保存到她的本次妊娠</translation>
    </message>
    <message>
        <source>Open DICOM files</source>
        <translation>打开 DICOM 文件</translation>
    </message>
    <message>
        <source>DICOM files (*.dcm *.DCM *);;All files (*)</source>
        <translation>DICOM 文件 (*.dcm *.DCM *);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Open a folder of DICOM files</source>
        <translation>打开 DICOM 文件夹</translation>
    </message>
    <message>
        <source>Ultrasound report</source>
        <translation>超声检查报告</translation>
    </message>
    <message>
        <source>Open her chart first: a report is written for a pregnancy.</source>
        <translation>请先打开孕妇档案：超声报告须关联到本次妊娠。</translation>
    </message>
    <message>
        <source>Obstetric ultrasound</source>
        <translation>产科超声</translation>
    </message>
</context>
<context>
    <name>ViewerMeasurement</name>
    <message>
        <source>%1 mm</source>
        <translation>%1 mm</translation>
    </message>
    <message>
        <source>C %1 · A %2 mm²</source>
        <translation>周长 %1 · 面积 %2 mm²</translation>
    </message>
    <message>
        <source> (Pixel Spacing)</source>
        <translation>（按像素间距）</translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <source>Antenatal visit</source>
        <translation>产前检查</translation>
    </message>
    <message>
        <source>Visit &amp;date:</source>
        <translation>检查日期(&amp;D)：</translation>
    </message>
    <message>
        <source>systolic</source>
        <translation>收缩压</translation>
    </message>
    <message>
        <source>diastolic</source>
        <translation>舒张压</translation>
    </message>
    <message>
        <source>mmHg</source>
        <translation>mmHg</translation>
    </message>
    <message>
        <source>&amp;Blood pressure:</source>
        <translation>血压(&amp;B)：</translation>
    </message>
    <message>
        <source>beats/min</source>
        <translation>次/分</translation>
    </message>
    <message>
        <source>&amp;Pulse:</source>
        <translation>脉搏(&amp;P)：</translation>
    </message>
    <message>
        <source>kg</source>
        <translation>千克</translation>
    </message>
    <message>
        <source>&amp;Weight:</source>
        <translation>体重(&amp;W)：</translation>
    </message>
    <message>
        <source>cm</source>
        <translation>厘米</translation>
    </message>
    <message>
        <source>&amp;Fundal height:</source>
        <translation>宫高(&amp;F)：</translation>
    </message>
    <message>
        <source>Abdominal &amp;girth:</source>
        <translation>腹围(&amp;G)：</translation>
    </message>
    <message>
        <source>Fetal &amp;heart rate:</source>
        <translation>胎心率(&amp;H)：</translation>
    </message>
    <message>
        <source>not assessed</source>
        <translation>未检查</translation>
    </message>
    <message>
        <source>cephalic</source>
        <translation>头位</translation>
    </message>
    <message>
        <source>breech</source>
        <translation>臀位</translation>
    </message>
    <message>
        <source>transverse</source>
        <translation>横位</translation>
    </message>
    <message>
        <source>oblique</source>
        <translation>斜位</translation>
    </message>
    <message>
        <source>P&amp;resentation:</source>
        <translation>胎方位(&amp;R)：</translation>
    </message>
    <message>
        <source>none (−)</source>
        <translation>无（−）</translation>
    </message>
    <message>
        <source>ankle (+)</source>
        <translation>踝部（+）</translation>
    </message>
    <message>
        <source>to the knee (++)</source>
        <translation>至膝（++）</translation>
    </message>
    <message>
        <source>to the thigh (+++)</source>
        <translation>至大腿（+++）</translation>
    </message>
    <message>
        <source>generalised (++++)</source>
        <translation>全身（++++）</translation>
    </message>
    <message>
        <source>&amp;Oedema:</source>
        <translation>水肿(&amp;O)：</translation>
    </message>
    <message>
        <source>not tested</source>
        <translation>未检测</translation>
    </message>
    <message>
        <source>negative</source>
        <translation>阴性</translation>
    </message>
    <message>
        <source>trace (±)</source>
        <translation>微量（±）</translation>
    </message>
    <message>
        <source>&amp;Urine protein:</source>
        <translation>尿蛋白(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
    <message>
        <source>GA %1 weeks</source>
        <translation>孕 %1 周</translation>
    </message>
    <message>
        <source>%1 is not a number.</source>
        <translation>%1 不是有效数字。</translation>
    </message>
    <message>
        <source>Printed on her visit slip, in words she understands.</source>
        <translation>打印在她的产前检查告知单上，请使用通俗易懂的语言。</translation>
    </message>
    <message>
        <source>&amp;Advice given:</source>
        <translation>处理及建议(&amp;A)：</translation>
    </message>
    <message>
        <source>on</source>
        <translation>预约于</translation>
    </message>
    <message>
        <source>what the next check is for</source>
        <translation>下次检查的内容</translation>
    </message>
    <message>
        <source>Save and print &amp;slip…</source>
        <translation>保存并打印告知单(&amp;S)…</translation>
    </message>
    <message>
        <source>Next appoin&amp;tment:</source>
        <translation>下次预约(&amp;T)：</translation>
    </message>
    <message>
        <source>Chec&amp;k for:</source>
        <translation>检查内容(&amp;K)：</translation>
    </message>
</context>
<context>
    <name>VisitFormat</name>
    <message>
        <source>%1 weeks</source>
        <translation>孕 %1 周</translation>
    </message>
    <message>
        <source>%1/%2 mmHg</source>
        <translation>%1/%2 mmHg</translation>
    </message>
    <message>
        <source>kg</source>
        <translation>kg</translation>
    </message>
    <message>
        <source>cm</source>
        <translation>cm</translation>
    </message>
    <message>
        <source>beats/min</source>
        <translation>次/分</translation>
    </message>
    <message>
        <source>cephalic</source>
        <translation>头位</translation>
    </message>
    <message>
        <source>breech</source>
        <translation>臀位</translation>
    </message>
    <message>
        <source>transverse</source>
        <translation>横位</translation>
    </message>
    <message>
        <source>oblique</source>
        <translation>斜位</translation>
    </message>
    <message numerus="yes">
        <source>%n years</source>
        <translation>
            <numerusform>%n 岁</numerusform>
        </translation>
    </message>
    <message>
        <source>Name: %1</source>
        <translation>姓名：%1</translation>
    </message>
    <message>
        <source>Age: %1</source>
        <translation>年龄：%1</translation>
    </message>
    <message>
        <source>Record no.: %1</source>
        <translation>保健手册号：%1</translation>
    </message>
    <message>
        <source>G%1 P%2</source>
        <translation>孕 %1 产 %2</translation>
    </message>
    <message>
        <source>Expected date of delivery: %1</source>
        <translation>预产期：%1</translation>
    </message>
</context>
<context>
    <name>VisitHistoryModel</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>GA</source>
        <translation>孕周</translation>
    </message>
    <message>
        <source>BP (mmHg)</source>
        <translation>血压 (mmHg)</translation>
    </message>
    <message>
        <source>Pulse</source>
        <translation>脉搏</translation>
    </message>
    <message>
        <source>Weight (kg)</source>
        <translation>体重 (kg)</translation>
    </message>
    <message>
        <source>Fundal height (cm)</source>
        <translation>宫高 (cm)</translation>
    </message>
    <message>
        <source>Girth (cm)</source>
        <translation>腹围 (cm)</translation>
    </message>
    <message>
        <source>FHR (bpm)</source>
        <translation>胎心 (次/分)</translation>
    </message>
    <message>
        <source>Presentation</source>
        <translation>胎方位</translation>
    </message>
    <message>
        <source>Oedema</source>
        <translation>水肿</translation>
    </message>
    <message>
        <source>Urine protein</source>
        <translation>尿蛋白</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>VisitSlip</name>
    <message>
        <source>Antenatal visit slip</source>
        <translation>产前检查告知单</translation>
    </message>
    <message>
        <source>visit slip %1 %2.pdf</source>
        <translation>产前检查告知单 %1 %2.pdf</translation>
    </message>
    <message>
        <source>Visit date</source>
        <translation>检查日期</translation>
    </message>
    <message>
        <source>Gestational age</source>
        <translation>孕周</translation>
    </message>
    <message>
        <source>Blood pressure</source>
        <translation>血压</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>体重</translation>
    </message>
    <message>
        <source>Fundal height</source>
        <translation>宫高</translation>
    </message>
    <message>
        <source>Fetal heart</source>
        <translation>胎心率</translation>
    </message>
    <message>
        <source>Your risk grade:</source>
        <translation>您的妊娠风险分级：</translation>
    </message>
    <message>
        <source>Advice:</source>
        <translation>处理及建议：</translation>
    </message>
    <message>
        <source>No special advice; keep to your check schedule.</source>
        <translation>无特殊处理，请按时产前检查。</translation>
    </message>
    <message>
        <source>Next appointment:</source>
        <translation>下次预约：</translation>
    </message>
    <message>
        <source>For:</source>
        <translation>检查内容：</translation>
    </message>
    <message>
        <source>none made</source>
        <translation>未预约</translation>
    </message>
    <message>
        <source>Printed %1 by %2</source>
        <translation>打印日期 %1，检查者 %2</translation>
    </message>
</context>
<context>
    <name>WindowLevel</name>
    <message>
        <source>As acquired</source>
        <translation>原始图像</translation>
    </message>
    <message>
        <source>More contrast</source>
        <translation>增加对比度</translation>
    </message>
    <message>
        <source>Much more contrast</source>
        <translation>大幅增加对比度</translation>
    </message>
    <message>
        <source>Less contrast</source>
        <translation>降低对比度</translation>
    </message>
    <message>
        <source>Brighter</source>
        <translation>调亮</translation>
    </message>
    <message>
        <source>Darker</source>
        <translation>调暗</translation>
    </message>
</context>
<context>
    <name>WorklistPanel</name>
    <message>
        <source>Record &amp;follow-up…</source>
        <translation>记录随访(&amp;F)…</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Record no.</source>
        <translation>病历号</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>应随访日期</translation>
    </message>
    <message>
        <source>Nurse</source>
        <translation>责任护士</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>今日应随访</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期未随访</translation>
    </message>
    <message>
        <source>Not yet reported (orange/red/purple)</source>
        <translation>未上报（橙/红/紫）</translation>
    </message>
    <message>
        <source>Lost to follow-up</source>
        <translation>失访</translation>
    </message>
    <message>
        <source>EDD within 2 weeks</source>
        <translation>两周内预产期</translation>
    </message>
    <message>
        <source>No responsible doctor or nurse</source>
        <translation>未指定责任医生或护士</translation>
    </message>
    <message>
        <source>EDD %1</source>
        <translation>预产期 %1</translation>
    </message>
    <message numerus="yes">
        <source>(%n day(s) late)</source>
        <translation>
            <numerusform>（逾期 %n 天）</numerusform>
        </translation>
    </message>
    <message>
        <source>open since %1</source>
        <translation>%1 起建档</translation>
    </message>
    <message>
        <source>Showing the first %1 of %2, most urgent first.</source>
        <translation>显示共 %2 名中最紧急的前 %1 名。</translation>
    </message>
    <message>
        <source>Appointments today</source>
        <translation>今日预约</translation>
    </message>
    <message>
        <source>Appointments tomorrow</source>
        <translation>明日预约</translation>
    </message>
    <message>
        <source>Missed appointment</source>
        <translation>未按预约就诊</translation>
    </message>
</context>
<context>
    <name>Workstation</name>
    <message>
        <source>ObsLink cannot start</source>
        <translation>ObsLink 无法启动</translation>
    </message>
</context>
<context>
    <name>WorkstationSignIn</name>
    <message>
        <source>Enter your password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <source>%1
The regional center cannot be reached: %2</source>
        <translation>%1
无法连接区域中心：%2</translation>
    </message>
    <message>
        <source>%1 has not signed in at the regional center on this computer yet, so it cannot check the password on its own.</source>
        <translation>%1 尚未在本机登录过区域中心，因此无法离线验证密码。</translation>
    </message>
    <message>
        <source>The password is not right.</source>
        <translation>密码不正确。</translation>
    </message>
</context>
</TS>
