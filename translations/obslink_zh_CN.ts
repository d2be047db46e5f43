<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
            <source>DICOM ultrasound files (dicom info|render FILE)</source>
            <translation>DICOM 超声文件（dicom info|render FILE）</translation>
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
            <source>Usage: obslink-cli demo-data --db FILE [--patients N] [--seed S] [--today YYYY-MM-DD]</source>
            <translation>用法：obslink-cli demo-data --db 文件 [--patients 人数] [--seed 种子] [--today YYYY-MM-DD]</translation>
        </message>
        <message>
            <source>%1 already exists; demo data is only written to a new file.</source>
            <translation>%1 已存在；演示数据只写入新文件。</translation>
        </message>
        <message>
            <source>This command is not available in this build.</source>
            <translation>此版本不提供该命令。</translation>
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
        <name>MainWindow</name>
        <message>
            <source>ObsLink — antenatal care</source>
            <translation>ObsLink — 孕产期保健</translation>
        </message>
        <message>
            <source>Search: name, ID number, phone (or its last digits), record number — Ctrl+F</source>
            <translation>搜索：姓名、身份证号、手机号（或尾号）、病历号 — Ctrl+F</translation>
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
        <message>
            <source>%1 women on record; showing the %2 most recently updated.</source>
            <translation>共 %1 位孕妇；显示最近更新的 %2 位。</translation>
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
            <source>%1 women on record</source>
            <translation>共 %1 位孕妇</translation>
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
            <source>The national ID number's check character does not match: please re-check every digit.</source>
            <translation>身份证号校验位不符：请逐位核对。</translation>
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
            <source>This woman's record no longer exists.</source>
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
            <translation>谷丙转氨酶 (ALT)</translation>
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
            <translation>HIV</translation>
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
        <name>RecordTable</name>
        <message>
            <source>This record was changed elsewhere since you opened it. Reopen it to see the latest version; your entries are kept as a draft.</source>
            <translation>打开后此记录已在别处被修改。请重新打开查看最新版本；您填写的内容已保存为草稿。</translation>
        </message>
    </context>
    <context>
        <name>RecordValidator</name>
        <message>
            <source>Enter the woman's name.</source>
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
            <source>Save (Ctrl+S)</source>
            <translation>保存（Ctrl+S）</translation>
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
    </context>
    <context>
        <name>SqlError</name>
        <message>
            <source>The local database could not complete an operation (%1): %2. Nothing was changed.</source>
            <translation>本地数据库无法完成操作（%1）：%2。未做任何更改。</translation>
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
            <source>Save (Ctrl+S)</source>
            <translation>保存（Ctrl+S）</translation>
        </message>
        <message>
            <source>GA %1 weeks</source>
            <translation>孕 %1 周</translation>
        </message>
        <message>
            <source>%1 is not a number.</source>
            <translation>%1 不是有效数字。</translation>
        </message>
    </context>
    <context>
        <name>VisitHistoryModel</name>
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
        <name>Workstation</name>
        <message>
            <source>ObsLink cannot start</source>
            <translation>ObsLink 无法启动</translation>
        </message>
    </context>
</TS>