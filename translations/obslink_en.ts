<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
    <context>
        <name>Cli</name>
        <message>
            <source>create a synthetic clinic database</source>
            <translation>create a synthetic clinic database</translation>
        </message>
        <message>
            <source>five-color risk grading (risk assess FILE.json)</source>
            <translation>five-color risk grading (risk assess FILE.json)</translation>
        </message>
        <message>
            <source>fetal heart trace analysis (ctg analyse FILE)</source>
            <translation>fetal heart trace analysis (ctg analyse FILE)</translation>
        </message>
        <message>
            <source>DICOM ultrasound files (dicom info|render FILE)</source>
            <translation>DICOM ultrasound files (dicom info|render FILE)</translation>
        </message>
        <message>
            <source>Usage: obslink-cli COMMAND [OPTIONS]

Commands:
</source>
            <translation>Usage: obslink-cli COMMAND [OPTIONS]

Commands:
</translation>
        </message>
        <message>
            <source>Unknown command: %1</source>
            <translation>Unknown command: %1</translation>
        </message>
        <message>
            <source>Creates a database of synthetic, deterministic clinic data (never real patients).</source>
            <translation>Creates a database of synthetic, deterministic clinic data (never real patients).</translation>
        </message>
        <message>
            <source>Database file to create.</source>
            <translation>Database file to create.</translation>
        </message>
        <message>
            <source>Number of women (default 1000).</source>
            <translation>Number of women (default 1000).</translation>
        </message>
        <message>
            <source>Random seed (default 1).</source>
            <translation>Random seed (default 1).</translation>
        </message>
        <message>
            <source>Date the data is generated for (default: today).</source>
            <translation>Date the data is generated for (default: today).</translation>
        </message>
        <message>
            <source>Clinic id (default demo-clinic).</source>
            <translation>Clinic id (default demo-clinic).</translation>
        </message>
        <message>
            <source>Usage: obslink-cli demo-data --db FILE [--patients N] [--seed S] [--today YYYY-MM-DD]</source>
            <translation>Usage: obslink-cli demo-data --db FILE [--patients N] [--seed S] [--today YYYY-MM-DD]</translation>
        </message>
        <message>
            <source>%1 already exists; demo data is only written to a new file.</source>
            <translation>%1 already exists; demo data is only written to a new file.</translation>
        </message>
        <message>
            <source>This command is not available in this build.</source>
            <translation>This command is not available in this build.</translation>
        </message>
    </context>
    <context>
        <name>ClinicRecords</name>
        <message>
            <source>Record number %1 is already used by another woman.</source>
            <translation>Record number %1 is already used by another woman.</translation>
        </message>
    </context>
    <context>
        <name>Database</name>
        <message>
            <source>The database %1 cannot be opened: %2</source>
            <translation>The database %1 cannot be opened: %2</translation>
        </message>
        <message>
            <source>The file %1 is damaged or is not an ObsLink database.</source>
            <translation>The file %1 is damaged or is not an ObsLink database.</translation>
        </message>
    </context>
    <context>
        <name>FormDraft</name>
        <message>
            <source>Close the form</source>
            <translation>Close the form</translation>
        </message>
        <message>
            <source>Keep what you typed as a draft for next time?</source>
            <translation>Keep what you typed as a draft for next time?</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>ObsLink — antenatal care</source>
            <translation>ObsLink — antenatal care</translation>
        </message>
        <message>
            <source>Search: name, ID number, phone (or its last digits), record number — Ctrl+F</source>
            <translation>Search: name, ID number, phone (or its last digits), record number — Ctrl+F</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <source>&amp;Register a pregnancy…</source>
            <translation>&amp;Register a pregnancy…</translation>
        </message>
        <message>
            <source>New &amp;visit…</source>
            <translation>New &amp;visit…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Quit</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;View</translation>
        </message>
        <message>
            <source>&amp;Find a woman</source>
            <translation>&amp;Find a woman</translation>
        </message>
        <message>
            <source>&amp;Refresh list</source>
            <translation>&amp;Refresh list</translation>
        </message>
        <message>
            <source>&amp;Settings</source>
            <translation>&amp;Settings</translation>
        </message>
        <message>
            <source>&amp;Language…</source>
            <translation>&amp;Language…</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Help</translation>
        </message>
        <message>
            <source>&amp;About ObsLink</source>
            <translation>&amp;About ObsLink</translation>
        </message>
        <message>
            <source>About ObsLink</source>
            <translation>About ObsLink</translation>
        </message>
        <message>
            <source>ObsLink %1 — antenatal care and high-risk pregnancy management for a regional maternal-health network.
Database: %2</source>
            <translation>ObsLink %1 — antenatal care and high-risk pregnancy management for a regional maternal-health network.
Database: %2</translation>
        </message>
        <message>
            <source>%1 women on record; showing the %2 most recently updated.</source>
            <translation>%1 women on record; showing the %2 most recently updated.</translation>
        </message>
        <message numerus="yes">
            <source>%n match(es)</source>
            <translation>
                <numerusform>%n match</numerusform>
                <numerusform>%n matches</numerusform>
            </translation>
        </message>
        <message>
            <source>Type more to narrow the list.</source>
            <translation>Type more to narrow the list.</translation>
        </message>
        <message>
            <source>%1 women on record</source>
            <translation>%1 women on record</translation>
        </message>
        <message>
            <source>ObsLink</source>
            <translation>ObsLink</translation>
        </message>
        <message>
            <source>Follow the system</source>
            <translation>Follow the system</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Language</translation>
        </message>
        <message>
            <source>Language of the workstation:</source>
            <translation>Language of the workstation:</translation>
        </message>
        <message>
            <source>The new language is used from the next start. Restart ObsLink now? Unsaved forms are kept as drafts.</source>
            <translation>The new language is used from the next start. Restart ObsLink now? Unsaved forms are kept as drafts.</translation>
        </message>
    </context>
    <context>
        <name>Migrator</name>
        <message>
            <source>The database file cannot be read.</source>
            <translation>The database file cannot be read.</translation>
        </message>
        <message>
            <source>This database was written by a newer ObsLink (schema %1; this version knows up to %2). Please update ObsLink.</source>
            <translation>This database was written by a newer ObsLink (schema %1; this version knows up to %2). Please update ObsLink.</translation>
        </message>
        <message>
            <source>Schema migration %1 is missing from this build.</source>
            <translation>Schema migration %1 is missing from this build.</translation>
        </message>
    </context>
    <context>
        <name>NationalId</name>
        <message>
            <source>The national ID number must have 18 characters (it has %1).</source>
            <translation>The national ID number must have 18 characters (it has %1).</translation>
        </message>
        <message>
            <source>The first 17 characters of the national ID number must be digits.</source>
            <translation>The first 17 characters of the national ID number must be digits.</translation>
        </message>
        <message>
            <source>The last character of the national ID number must be a digit or X.</source>
            <translation>The last character of the national ID number must be a digit or X.</translation>
        </message>
        <message>
            <source>The national ID number contains an impossible birth date (%1).</source>
            <translation>The national ID number contains an impossible birth date (%1).</translation>
        </message>
        <message>
            <source>The national ID number's check character does not match: please re-check every digit.</source>
            <translation>The national ID number's check character does not match: please re-check every digit.</translation>
        </message>
    </context>
    <context>
        <name>PatientBanner</name>
        <message numerus="yes">
            <source>%n years</source>
            <translation>
                <numerusform>%n year</numerusform>
                <numerusform>%n years</numerusform>
            </translation>
        </message>
        <message>
            <source>G%1 P%2</source>
            <translation>G%1 P%2</translation>
        </message>
        <message>
            <source>GA %1 weeks</source>
            <translation>GA %1 weeks</translation>
        </message>
        <message>
            <source>EDD %1</source>
            <translation>EDD %1</translation>
        </message>
        <message numerus="yes">
            <source>%n fetuses</source>
            <translation>
                <numerusform>%n fetus</numerusform>
                <numerusform>%n fetuses</numerusform>
            </translation>
        </message>
        <message>
            <source>No. %1</source>
            <translation>No. %1</translation>
        </message>
        <message>
            <source>No chart open</source>
            <translation>No chart open</translation>
        </message>
        <message>
            <source>Select a woman in the list, or register a new pregnancy (Ctrl+N).</source>
            <translation>Select a woman in the list, or register a new pregnancy (Ctrl+N).</translation>
        </message>
    </context>
    <context>
        <name>PatientChartView</name>
        <message>
            <source>New &amp;visit…</source>
            <translation>New &amp;visit…</translation>
        </message>
        <message>
            <source>Record an antenatal visit (Ctrl+Shift+V)</source>
            <translation>Record an antenatal visit (Ctrl+Shift+V)</translation>
        </message>
        <message>
            <source>Visits</source>
            <translation>Visits</translation>
        </message>
        <message>
            <source>Trends</source>
            <translation>Trends</translation>
        </message>
        <message>
            <source>Labs</source>
            <translation>Labs</translation>
        </message>
        <message>
            <source>This woman's record no longer exists.</source>
            <translation>This woman's record no longer exists.</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Test</source>
            <translation>Test</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>Result</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>Unit</translation>
        </message>
        <message>
            <source>Upper limit</source>
            <translation>Upper limit</translation>
        </message>
        <message>
            <source>Haemoglobin</source>
            <translation>Haemoglobin</translation>
        </message>
        <message>
            <source>Platelets</source>
            <translation>Platelets</translation>
        </message>
        <message>
            <source>Fasting glucose</source>
            <translation>Fasting glucose</translation>
        </message>
        <message>
            <source>OGTT 1 h</source>
            <translation>OGTT 1 h</translation>
        </message>
        <message>
            <source>OGTT 2 h</source>
            <translation>OGTT 2 h</translation>
        </message>
        <message>
            <source>ALT</source>
            <translation>ALT</translation>
        </message>
        <message>
            <source>Creatinine</source>
            <translation>Creatinine</translation>
        </message>
        <message>
            <source>HBsAg</source>
            <translation>HBsAg</translation>
        </message>
        <message>
            <source>Syphilis</source>
            <translation>Syphilis</translation>
        </message>
        <message>
            <source>HIV</source>
            <translation>HIV</translation>
        </message>
        <message>
            <source>positive</source>
            <translation>positive</translation>
        </message>
        <message>
            <source>negative</source>
            <translation>negative</translation>
        </message>
        <message>
            <source>unknown</source>
            <translation>unknown</translation>
        </message>
    </context>
    <context>
        <name>PatientListModel</name>
        <message>
            <source>ended</source>
            <translation>ended</translation>
        </message>
        <message>
            <source>Risk</source>
            <translation>Risk</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Age</source>
            <translation>Age</translation>
        </message>
        <message>
            <source>Record no.</source>
            <translation>Record no.</translation>
        </message>
        <message>
            <source>GA today</source>
            <translation>GA today</translation>
        </message>
        <message>
            <source>EDD</source>
            <translation>EDD</translation>
        </message>
        <message>
            <source>Next visit due</source>
            <translation>Next visit due</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>Phone</translation>
        </message>
    </context>
    <context>
        <name>RecordTable</name>
        <message>
            <source>This record was changed elsewhere since you opened it. Reopen it to see the latest version; your entries are kept as a draft.</source>
            <translation>This record was changed elsewhere since you opened it. Reopen it to see the latest version; your entries are kept as a draft.</translation>
        </message>
    </context>
    <context>
        <name>RecordValidator</name>
        <message>
            <source>Enter the woman's name.</source>
            <translation>Enter the woman's name.</translation>
        </message>
        <message>
            <source>The birth date does not match the one in the national ID number (%1).</source>
            <translation>The birth date does not match the one in the national ID number (%1).</translation>
        </message>
        <message>
            <source>Enter the birth date.</source>
            <translation>Enter the birth date.</translation>
        </message>
        <message>
            <source>The birth date is in the future.</source>
            <translation>The birth date is in the future.</translation>
        </message>
        <message>
            <source>An age of %1 years is outside 10–60 years: please check the birth date.</source>
            <translation>An age of %1 years is outside 10–60 years: please check the birth date.</translation>
        </message>
        <message>
            <source>The phone number may contain only digits, spaces and dashes.</source>
            <translation>The phone number may contain only digits, spaces and dashes.</translation>
        </message>
        <message>
            <source>Enter the last menstrual period or an ultrasound dating.</source>
            <translation>Enter the last menstrual period or an ultrasound dating.</translation>
        </message>
        <message>
            <source>The last menstrual period is in the future.</source>
            <translation>The last menstrual period is in the future.</translation>
        </message>
        <message>
            <source>The last menstrual period is more than 44 weeks ago.</source>
            <translation>The last menstrual period is more than 44 weeks ago.</translation>
        </message>
        <message>
            <source>Gravida must be between 1 and 30 (this pregnancy counts).</source>
            <translation>Gravida must be between 1 and 30 (this pregnancy counts).</translation>
        </message>
        <message>
            <source>Para must be at least 0 and less than gravida.</source>
            <translation>Para must be at least 0 and less than gravida.</translation>
        </message>
        <message>
            <source>The number of fetuses must be between 1 and 6.</source>
            <translation>The number of fetuses must be between 1 and 6.</translation>
        </message>
        <message>
            <source>Height must be between %1 and %2 cm.</source>
            <translation>Height must be between %1 and %2 cm.</translation>
        </message>
        <message>
            <source>Pre-pregnancy weight must be between %1 and %2 kg.</source>
            <translation>Pre-pregnancy weight must be between %1 and %2 kg.</translation>
        </message>
        <message>
            <source>The number of uterine operations must be between 0 and 10.</source>
            <translation>The number of uterine operations must be between 0 and 10.</translation>
        </message>
        <message>
            <source>The last uterine operation is in the future.</source>
            <translation>The last uterine operation is in the future.</translation>
        </message>
        <message>
            <source>Enter the visit date.</source>
            <translation>Enter the visit date.</translation>
        </message>
        <message>
            <source>The visit date is in the future.</source>
            <translation>The visit date is in the future.</translation>
        </message>
        <message>
            <source>The visit date is before the last menstrual period.</source>
            <translation>The visit date is before the last menstrual period.</translation>
        </message>
        <message>
            <source>Systolic pressure must be between %1 and %2 mmHg.</source>
            <translation>Systolic pressure must be between %1 and %2 mmHg.</translation>
        </message>
        <message>
            <source>Diastolic pressure must be between %1 and %2 mmHg.</source>
            <translation>Diastolic pressure must be between %1 and %2 mmHg.</translation>
        </message>
        <message>
            <source>Enter both systolic and diastolic pressure.</source>
            <translation>Enter both systolic and diastolic pressure.</translation>
        </message>
        <message>
            <source>Diastolic pressure must be lower than systolic pressure.</source>
            <translation>Diastolic pressure must be lower than systolic pressure.</translation>
        </message>
        <message>
            <source>Pulse must be between %1 and %2 beats/min.</source>
            <translation>Pulse must be between %1 and %2 beats/min.</translation>
        </message>
        <message>
            <source>Weight must be between %1 and %2 kg.</source>
            <translation>Weight must be between %1 and %2 kg.</translation>
        </message>
        <message>
            <source>Fundal height must be between %1 and %2 cm.</source>
            <translation>Fundal height must be between %1 and %2 cm.</translation>
        </message>
        <message>
            <source>Abdominal girth must be between %1 and %2 cm.</source>
            <translation>Abdominal girth must be between %1 and %2 cm.</translation>
        </message>
        <message>
            <source>Fetal heart rate must be between %1 and %2 beats/min.</source>
            <translation>Fetal heart rate must be between %1 and %2 beats/min.</translation>
        </message>
    </context>
    <context>
        <name>RegistrationDialog</name>
        <message>
            <source>Register a pregnancy</source>
            <translation>Register a pregnancy</translation>
        </message>
        <message>
            <source>The woman</source>
            <translation>The woman</translation>
        </message>
        <message>
            <source>18 characters; fills in the birth date</source>
            <translation>18 characters; fills in the birth date</translation>
        </message>
        <message>
            <source>assigned automatically if left empty</source>
            <translation>assigned automatically if left empty</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>&amp;Name:</translation>
        </message>
        <message>
            <source>National &amp;ID number:</source>
            <translation>National &amp;ID number:</translation>
        </message>
        <message>
            <source>&amp;Birth date:</source>
            <translation>&amp;Birth date:</translation>
        </message>
        <message>
            <source>&amp;Phone:</source>
            <translation>&amp;Phone:</translation>
        </message>
        <message>
            <source>&amp;Address:</source>
            <translation>&amp;Address:</translation>
        </message>
        <message>
            <source>&amp;Record number:</source>
            <translation>&amp;Record number:</translation>
        </message>
        <message>
            <source>This pregnancy</source>
            <translation>This pregnancy</translation>
        </message>
        <message>
            <source>unknown</source>
            <translation>unknown</translation>
        </message>
        <message>
            <source>&amp;Last menstrual period:</source>
            <translation>&amp;Last menstrual period:</translation>
        </message>
        <message>
            <source>Dating ultrasound</source>
            <translation>Dating ultrasound</translation>
        </message>
        <message>
            <source>scan on</source>
            <translation>scan on</translation>
        </message>
        <message>
            <source>measured</source>
            <translation>measured</translation>
        </message>
        <message>
            <source>weeks +</source>
            <translation>weeks +</translation>
        </message>
        <message>
            <source>days</source>
            <translation>days</translation>
        </message>
        <message>
            <source>EDD / gestational age:</source>
            <translation>EDD / gestational age:</translation>
        </message>
        <message>
            <source>G</source>
            <translation>G</translation>
        </message>
        <message>
            <source>P</source>
            <translation>P</translation>
        </message>
        <message>
            <source>fetuses</source>
            <translation>fetuses</translation>
        </message>
        <message>
            <source>&amp;Gravida / para:</source>
            <translation>&amp;Gravida / para:</translation>
        </message>
        <message>
            <source>cm</source>
            <translation>cm</translation>
        </message>
        <message>
            <source>kg</source>
            <translation>kg</translation>
        </message>
        <message>
            <source>pre-pregnancy weight</source>
            <translation>pre-pregnancy weight</translation>
        </message>
        <message>
            <source>&amp;Height:</source>
            <translation>&amp;Height:</translation>
        </message>
        <message>
            <source>last on</source>
            <translation>last on</translation>
        </message>
        <message>
            <source>&amp;Uterine operations (caesarean, myomectomy …):</source>
            <translation>&amp;Uterine operations (caesarean, myomectomy …):</translation>
        </message>
        <message>
            <source>Save (Ctrl+S)</source>
            <translation>Save (Ctrl+S)</translation>
        </message>
        <message>
            <source>enter the LMP or a dating ultrasound</source>
            <translation>enter the LMP or a dating ultrasound</translation>
        </message>
        <message>
            <source>by ultrasound</source>
            <translation>by ultrasound</translation>
        </message>
        <message>
            <source>by LMP</source>
            <translation>by LMP</translation>
        </message>
        <message>
            <source>EDD %1 (%2) · today %3 weeks</source>
            <translation>EDD %1 (%2) · today %3 weeks</translation>
        </message>
        <message>
            <source>Height is not a number.</source>
            <translation>Height is not a number.</translation>
        </message>
        <message>
            <source>Weight is not a number.</source>
            <translation>Weight is not a number.</translation>
        </message>
    </context>
    <context>
        <name>RiskAppearance</name>
        <message>
            <source>Green · low</source>
            <translation>Green · low</translation>
        </message>
        <message>
            <source>Yellow · moderate</source>
            <translation>Yellow · moderate</translation>
        </message>
        <message>
            <source>Orange · high</source>
            <translation>Orange · high</translation>
        </message>
        <message>
            <source>Red · very high</source>
            <translation>Red · very high</translation>
        </message>
        <message>
            <source>Not graded</source>
            <translation>Not graded</translation>
        </message>
        <message>
            <source>Purple · infectious</source>
            <translation>Purple · infectious</translation>
        </message>
    </context>
    <context>
        <name>SqlError</name>
        <message>
            <source>The local database could not complete an operation (%1): %2. Nothing was changed.</source>
            <translation>The local database could not complete an operation (%1): %2. Nothing was changed.</translation>
        </message>
    </context>
    <context>
        <name>TrendCharts</name>
        <message>
            <source>gestational age (weeks)</source>
            <translation>gestational age (weeks)</translation>
        </message>
        <message>
            <source>Blood pressure</source>
            <translation>Blood pressure</translation>
        </message>
        <message>
            <source>mmHg</source>
            <translation>mmHg</translation>
        </message>
        <message>
            <source>systolic</source>
            <translation>systolic</translation>
        </message>
        <message>
            <source>diastolic</source>
            <translation>diastolic</translation>
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
            <translation>Weight gain</translation>
        </message>
        <message>
            <source>kg since before pregnancy</source>
            <translation>kg since before pregnancy</translation>
        </message>
        <message>
            <source>recommended</source>
            <translation>recommended</translation>
        </message>
        <message>
            <source>measured</source>
            <translation>measured</translation>
        </message>
        <message>
            <source>Weight gain (enter the pre-pregnancy weight to compare with the recommended band)</source>
            <translation>Weight gain (enter the pre-pregnancy weight to compare with the recommended band)</translation>
        </message>
        <message>
            <source>Fundal height</source>
            <translation>Fundal height</translation>
        </message>
        <message>
            <source>cm</source>
            <translation>cm</translation>
        </message>
        <message>
            <source>expected (weeks ± 2 cm)</source>
            <translation>expected (weeks ± 2 cm)</translation>
        </message>
    </context>
    <context>
        <name>VisitDialog</name>
        <message>
            <source>Antenatal visit</source>
            <translation>Antenatal visit</translation>
        </message>
        <message>
            <source>Visit &amp;date:</source>
            <translation>Visit &amp;date:</translation>
        </message>
        <message>
            <source>systolic</source>
            <translation>systolic</translation>
        </message>
        <message>
            <source>diastolic</source>
            <translation>diastolic</translation>
        </message>
        <message>
            <source>mmHg</source>
            <translation>mmHg</translation>
        </message>
        <message>
            <source>&amp;Blood pressure:</source>
            <translation>&amp;Blood pressure:</translation>
        </message>
        <message>
            <source>beats/min</source>
            <translation>beats/min</translation>
        </message>
        <message>
            <source>&amp;Pulse:</source>
            <translation>&amp;Pulse:</translation>
        </message>
        <message>
            <source>kg</source>
            <translation>kg</translation>
        </message>
        <message>
            <source>&amp;Weight:</source>
            <translation>&amp;Weight:</translation>
        </message>
        <message>
            <source>cm</source>
            <translation>cm</translation>
        </message>
        <message>
            <source>&amp;Fundal height:</source>
            <translation>&amp;Fundal height:</translation>
        </message>
        <message>
            <source>Abdominal &amp;girth:</source>
            <translation>Abdominal &amp;girth:</translation>
        </message>
        <message>
            <source>Fetal &amp;heart rate:</source>
            <translation>Fetal &amp;heart rate:</translation>
        </message>
        <message>
            <source>not assessed</source>
            <translation>not assessed</translation>
        </message>
        <message>
            <source>cephalic</source>
            <translation>cephalic</translation>
        </message>
        <message>
            <source>breech</source>
            <translation>breech</translation>
        </message>
        <message>
            <source>transverse</source>
            <translation>transverse</translation>
        </message>
        <message>
            <source>oblique</source>
            <translation>oblique</translation>
        </message>
        <message>
            <source>P&amp;resentation:</source>
            <translation>P&amp;resentation:</translation>
        </message>
        <message>
            <source>none (−)</source>
            <translation>none (−)</translation>
        </message>
        <message>
            <source>ankle (+)</source>
            <translation>ankle (+)</translation>
        </message>
        <message>
            <source>to the knee (++)</source>
            <translation>to the knee (++)</translation>
        </message>
        <message>
            <source>to the thigh (+++)</source>
            <translation>to the thigh (+++)</translation>
        </message>
        <message>
            <source>generalised (++++)</source>
            <translation>generalised (++++)</translation>
        </message>
        <message>
            <source>&amp;Oedema:</source>
            <translation>&amp;Oedema:</translation>
        </message>
        <message>
            <source>not tested</source>
            <translation>not tested</translation>
        </message>
        <message>
            <source>negative</source>
            <translation>negative</translation>
        </message>
        <message>
            <source>trace (±)</source>
            <translation>trace (±)</translation>
        </message>
        <message>
            <source>&amp;Urine protein:</source>
            <translation>&amp;Urine protein:</translation>
        </message>
        <message>
            <source>&amp;Notes:</source>
            <translation>&amp;Notes:</translation>
        </message>
        <message>
            <source>Save (Ctrl+S)</source>
            <translation>Save (Ctrl+S)</translation>
        </message>
        <message>
            <source>GA %1 weeks</source>
            <translation>GA %1 weeks</translation>
        </message>
        <message>
            <source>%1 is not a number.</source>
            <translation>%1 is not a number.</translation>
        </message>
    </context>
    <context>
        <name>VisitHistoryModel</name>
        <message>
            <source>cephalic</source>
            <translation>cephalic</translation>
        </message>
        <message>
            <source>breech</source>
            <translation>breech</translation>
        </message>
        <message>
            <source>transverse</source>
            <translation>transverse</translation>
        </message>
        <message>
            <source>oblique</source>
            <translation>oblique</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>GA</source>
            <translation>GA</translation>
        </message>
        <message>
            <source>BP (mmHg)</source>
            <translation>BP (mmHg)</translation>
        </message>
        <message>
            <source>Pulse</source>
            <translation>Pulse</translation>
        </message>
        <message>
            <source>Weight (kg)</source>
            <translation>Weight (kg)</translation>
        </message>
        <message>
            <source>Fundal height (cm)</source>
            <translation>Fundal height (cm)</translation>
        </message>
        <message>
            <source>Girth (cm)</source>
            <translation>Girth (cm)</translation>
        </message>
        <message>
            <source>FHR (bpm)</source>
            <translation>FHR (bpm)</translation>
        </message>
        <message>
            <source>Presentation</source>
            <translation>Presentation</translation>
        </message>
        <message>
            <source>Oedema</source>
            <translation>Oedema</translation>
        </message>
        <message>
            <source>Urine protein</source>
            <translation>Urine protein</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Notes</translation>
        </message>
    </context>
    <context>
        <name>Workstation</name>
        <message>
            <source>ObsLink cannot start</source>
            <translation>ObsLink cannot start</translation>
        </message>
    </context>
</TS>