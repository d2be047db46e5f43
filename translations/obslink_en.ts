<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AccessReport</name>
    <message>
        <source>case summary (PDF)</source>
        <translation>case summary (PDF)</translation>
    </message>
    <message>
        <source>monthly high-risk register (CSV)</source>
        <translation>monthly high-risk register (CSV)</translation>
    </message>
    <message>
        <source>fetal heart trace (PDF)</source>
        <translation>fetal heart trace (PDF)</translation>
    </message>
    <message>
        <source>ultrasound report (PDF)</source>
        <translation>ultrasound report (PDF)</translation>
    </message>
    <message>
        <source>referral form (PDF)</source>
        <translation>referral form (PDF)</translation>
    </message>
    <message>
        <source>referral return slip (PDF)</source>
        <translation>referral return slip (PDF)</translation>
    </message>
    <message>
        <source>visit slip</source>
        <translation>visit slip</translation>
    </message>
    <message>
        <source>antenatal record</source>
        <translation>antenatal record</translation>
    </message>
    <message>
        <source>records as a FHIR bundle</source>
        <translation>records as a FHIR bundle</translation>
    </message>
    <message>
        <source>her access report (PDF)</source>
        <translation>her access report (PDF)</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) saved</source>
        <translation>
            <numerusform>%n record saved</numerusform>
            <numerusform>%n records saved</numerusform>
        </translation>
    </message>
    <message>
        <source>wrong password on the lock screen</source>
        <translation>wrong password on the lock screen</translation>
    </message>
    <message>
        <source>password refused</source>
        <translation>password refused</translation>
    </message>
    <message>
        <source>From %1 to %2</source>
        <translation>From %1 to %2</translation>
    </message>
    <message>
        <source>the beginning</source>
        <translation>the beginning</translation>
    </message>
    <message>
        <source>Up to %1</source>
        <translation>Up to %1</translation>
    </message>
    <message>
        <source>Access to her health record</source>
        <translation>Access to her health record</translation>
    </message>
    <message>
        <source>Woman:</source>
        <translation>Woman:</translation>
    </message>
    <message>
        <source>Record:</source>
        <translation>Record:</translation>
    </message>
    <message>
        <source>Every time her record was opened, changed, exported or printed in the regional obstetric network, as its audit trail keeps it: who, at which clinic, when and what.</source>
        <translation>Every time her record was opened, changed, exported or printed in the regional obstetric network, as its audit trail keeps it: who, at which clinic, when and what.</translation>
    </message>
    <message numerus="yes">
        <source>%n clinic(s)</source>
        <translation>
            <numerusform>%n clinic</numerusform>
            <numerusform>%n clinics</numerusform>
        </translation>
    </message>
    <message>
        <source>Nobody has accessed her record in this period.</source>
        <translation>Nobody has accessed her record in this period.</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Clinic</source>
        <translation>Clinic</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Issued by %1 on %2.</source>
        <translation>Issued by %1 on %2.</translation>
    </message>
    <message numerus="yes">
        <source>%n audit record(s)</source>
        <translation>
            <numerusform>%n audit record</numerusform>
            <numerusform>%n audit records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n user(s)</source>
        <translation>
            <numerusform>%n user</numerusform>
            <numerusform>%n users</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AccessReportPdf</name>
    <message>
        <source>Access to her health record</source>
        <translation>Access to her health record</translation>
    </message>
    <message>
        <source>The access report could not be written to %1.</source>
        <translation>The access report could not be written to %1.</translation>
    </message>
</context>
<context>
    <name>ActiveRules</name>
    <message>
        <source>Regional rule set %1 (%2): %3</source>
        <translation>Regional rule set %1 (%2): %3</translation>
    </message>
    <message>
        <source>Rule set %1 %2 from %3 needs its own screening form: name its file in %4.</source>
        <translation>Rule set %1 %2 from %3 needs its own screening form: name its file in %4.</translation>
    </message>
    <message>
        <source>Screening form %1 (%2) does not fit rule set %3 %4: %5</source>
        <translation>Screening form %1 (%2) does not fit rule set %3 %4: %5</translation>
    </message>
    <message>
        <source>built-in</source>
        <translation>built-in</translation>
    </message>
</context>
<context>
    <name>AmendmentHistory</name>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Changed</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
</context>
<context>
    <name>AntenatalRecordSheet</name>
    <message>
        <source>Antenatal record</source>
        <translation>Antenatal record</translation>
    </message>
    <message>
        <source>antenatal record %1.pdf</source>
        <translation>antenatal record %1.pdf</translation>
    </message>
    <message>
        <source>Current risk grade:</source>
        <translation>Current risk grade:</translation>
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
        <source>BP</source>
        <translation>BP</translation>
    </message>
    <message>
        <source>Pulse</source>
        <translation>Pulse</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Weight</translation>
    </message>
    <message>
        <source>Fundal height</source>
        <translation>Fundal height</translation>
    </message>
    <message>
        <source>Girth</source>
        <translation>Girth</translation>
    </message>
    <message>
        <source>Fetal heart</source>
        <translation>Fetal heart</translation>
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
        <source>Advice</source>
        <translation>Advice</translation>
    </message>
    <message>
        <source>Next appointment</source>
        <translation>Next appointment</translation>
    </message>
    <message>
        <source>Examiner</source>
        <translation>Examiner</translation>
    </message>
    <message>
        <source>No antenatal visit recorded yet.</source>
        <translation>No antenatal visit recorded yet.</translation>
    </message>
    <message numerus="yes">
        <source>Printed %1, %n visit(s)</source>
        <translation>
            <numerusform>Printed %1, %n visit</numerusform>
            <numerusform>Printed %1, %n visits</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AttachmentStore</name>
    <message>
        <source>There is no such attachment for you at the center.</source>
        <translation>There is no such attachment for you at the center.</translation>
    </message>
    <message>
        <source>An attachment is named by 64 lower-case hexadecimal digits.</source>
        <translation>An attachment is named by 64 lower-case hexadecimal digits.</translation>
    </message>
    <message>
        <source>The chunk does not fit inside the attachment&apos;s declared size.</source>
        <translation>The chunk does not fit inside the attachment&apos;s declared size.</translation>
    </message>
    <message>
        <source>An attachment may not be larger than %1 bytes.</source>
        <translation>An attachment may not be larger than %1 bytes.</translation>
    </message>
    <message>
        <source>A chunk may not be larger than %1 bytes.</source>
        <translation>A chunk may not be larger than %1 bytes.</translation>
    </message>
    <message>
        <source>The chunk&apos;s bytes do not match the digest sent with them; it was not kept. Send it again.</source>
        <translation>The chunk&apos;s bytes do not match the digest sent with them; it was not kept. Send it again.</translation>
    </message>
    <message>
        <source>The upload under way has another size; start again at offset 0.</source>
        <translation>The upload under way has another size; start again at offset 0.</translation>
    </message>
    <message>
        <source>This upload starts at offset 0.</source>
        <translation>This upload starts at offset 0.</translation>
    </message>
    <message>
        <source>Your clinic has %1 uploads under way; finish them first.</source>
        <translation>Your clinic has %1 uploads under way; finish them first.</translation>
    </message>
    <message>
        <source>The center has %1 bytes of this upload; continue from there.</source>
        <translation>The center has %1 bytes of this upload; continue from there.</translation>
    </message>
    <message>
        <source>Another request moved this upload on; ask where it stands.</source>
        <translation>Another request moved this upload on; ask where it stands.</translation>
    </message>
    <message>
        <source>The uploaded bytes do not match the attachment&apos;s SHA-256; nothing was kept. Upload it again from the start.</source>
        <translation>The uploaded bytes do not match the attachment&apos;s SHA-256; nothing was kept. Upload it again from the start.</translation>
    </message>
    <message>
        <source>Ask for at least one byte at an offset of 0 or more.</source>
        <translation>Ask for at least one byte at an offset of 0 or more.</translation>
    </message>
    <message>
        <source>The attachment has only %1 bytes.</source>
        <translation>The attachment has only %1 bytes.</translation>
    </message>
    <message>
        <source>A stored attachment is incomplete.</source>
        <translation>A stored attachment is incomplete.</translation>
    </message>
</context>
<context>
    <name>AuditActions</name>
    <message>
        <source>Chart opened</source>
        <translation>Chart opened</translation>
    </message>
    <message>
        <source>Record edited</source>
        <translation>Record edited</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>Exported</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>Printed</translation>
    </message>
    <message>
        <source>Read through a referral</source>
        <translation>Read through a referral</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Signed in</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Signed out</translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <translation>Sign-in failed</translation>
    </message>
    <message>
        <source>User changed</source>
        <translation>User changed</translation>
    </message>
    <message>
        <source>Role changed</source>
        <translation>Role changed</translation>
    </message>
</context>
<context>
    <name>AuditChain</name>
    <message>
        <source>Entry %1 follows entry %2: the entries between are missing.</source>
        <translation>Entry %1 follows entry %2: the entries between are missing.</translation>
    </message>
    <message>
        <source>Entry %1 does not follow the entry before it.</source>
        <translation>Entry %1 does not follow the entry before it.</translation>
    </message>
    <message>
        <source>Entry %1 was changed after it was written.</source>
        <translation>Entry %1 was changed after it was written.</translation>
    </message>
</context>
<context>
    <name>AuditSearchDialog</name>
    <message>
        <source>Only between</source>
        <translation>Only between</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <source>&amp;Print her access report…</source>
        <translation>&amp;Print her access report…</translation>
    </message>
    <message>
        <source>Audit trail of the region</source>
        <translation>Audit trail of the region</translation>
    </message>
    <message>
        <source>patient id: her records, and nobody else&apos;s</source>
        <translation>patient id: her records, and nobody else&apos;s</translation>
    </message>
    <message>
        <source>user name</source>
        <translation>user name</translation>
    </message>
    <message>
        <source>clinic id</source>
        <translation>clinic id</translation>
    </message>
    <message>
        <source>and</source>
        <translation>and</translation>
    </message>
    <message>
        <source>Woman:</source>
        <translation>Woman:</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>User:</translation>
    </message>
    <message>
        <source>Clinic:</source>
        <translation>Clinic:</translation>
    </message>
    <message>
        <source>Time:</source>
        <translation>Time:</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Clinic</source>
        <translation>Clinic</translation>
    </message>
    <message>
        <source>Workstation</source>
        <translation>Workstation</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Woman</source>
        <translation>Woman</translation>
    </message>
    <message>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <source>The period ends before it begins.</source>
        <translation>The period ends before it begins.</translation>
    </message>
    <message>
        <source>Searching at the regional center…</source>
        <translation>Searching at the regional center…</translation>
    </message>
    <message>
        <source>The center&apos;s answer could not be read.</source>
        <translation>The center&apos;s answer could not be read.</translation>
    </message>
    <message>
        <source>Access report saved to %1</source>
        <translation>Access report saved to %1</translation>
    </message>
    <message>
        <source>Save her access report</source>
        <translation>Save her access report</translation>
    </message>
    <message>
        <source>access-report.pdf</source>
        <translation>access-report.pdf</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message numerus="yes">
        <source>%n audit record(s) found.</source>
        <translation>
            <numerusform>%n audit record found.</numerusform>
            <numerusform>%n audit records found.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AuditStore</name>
    <message>
        <source>A workstation uploads the audit trail of its own clinic only.</source>
        <translation>A workstation uploads the audit trail of its own clinic only.</translation>
    </message>
    <message>
        <source>Audit entry %1 of this workstation differs from the one the center holds: entries are never rewritten.</source>
        <translation>Audit entry %1 of this workstation differs from the one the center holds: entries are never rewritten.</translation>
    </message>
    <message>
        <source>The center&apos;s own audit chain is written by the center only.</source>
        <translation>The center&apos;s own audit chain is written by the center only.</translation>
    </message>
</context>
<context>
    <name>AuditWire</name>
    <message>
        <source>An audit entry has other fields than expected.</source>
        <translation>An audit entry has other fields than expected.</translation>
    </message>
    <message>
        <source>The audit entry&apos;s %1 is missing or not valid.</source>
        <translation>The audit entry&apos;s %1 is missing or not valid.</translation>
    </message>
    <message>
        <source>An audit entry is not valid (seq, time, action, id or hash).</source>
        <translation>An audit entry is not valid (seq, time, action, id or hash).</translation>
    </message>
    <message>
        <source>The audit upload is not a JSON object.</source>
        <translation>The audit upload is not a JSON object.</translation>
    </message>
    <message>
        <source>The audit upload needs its workstation and its entries, and nothing else.</source>
        <translation>The audit upload needs its workstation and its entries, and nothing else.</translation>
    </message>
    <message>
        <source>An audit upload carries at most %1 entries.</source>
        <translation>An audit upload carries at most %1 entries.</translation>
    </message>
    <message>
        <source>An audit entry is not a JSON object.</source>
        <translation>An audit entry is not a JSON object.</translation>
    </message>
    <message>
        <source>An audit entry names another workstation than its upload.</source>
        <translation>An audit entry names another workstation than its upload.</translation>
    </message>
</context>
<context>
    <name>BackgroundSync</name>
    <message>
        <source>Signed out of the regional center on this computer.</source>
        <translation>Signed out of the regional center on this computer.</translation>
    </message>
    <message>
        <source>Sign in to the regional center to sync (Settings → Regional center).</source>
        <translation>Sign in to the regional center to sync (Settings → Regional center).</translation>
    </message>
    <message>
        <source>Sign in to the regional center to fetch it (Settings → Regional center).</source>
        <translation>Sign in to the regional center to fetch it (Settings → Regional center).</translation>
    </message>
    <message>
        <source>This workstation is not linked to a regional center (Settings → Regional center).</source>
        <translation>This workstation is not linked to a regional center (Settings → Regional center).</translation>
    </message>
    <message>
        <source>The regional center does not have it for this clinic: it may not have been sent yet, or the woman has not been referred here.</source>
        <translation>The regional center does not have it for this clinic: it may not have been sent yet, or the woman has not been referred here.</translation>
    </message>
</context>
<context>
    <name>BiometryMeasures</name>
    <message>
        <source>Biparietal diameter</source>
        <translation>Biparietal diameter</translation>
    </message>
    <message>
        <source>Head circumference</source>
        <translation>Head circumference</translation>
    </message>
    <message>
        <source>Abdominal circumference</source>
        <translation>Abdominal circumference</translation>
    </message>
    <message>
        <source>Femur length</source>
        <translation>Femur length</translation>
    </message>
    <message>
        <source>Crown–rump length</source>
        <translation>Crown–rump length</translation>
    </message>
    <message>
        <source>Nuchal translucency</source>
        <translation>Nuchal translucency</translation>
    </message>
    <message>
        <source>%1 of %2 mm is outside %3–%4 mm, the range its formulas hold for: check the calliper placement.</source>
        <translation>%1 of %2 mm is outside %3–%4 mm, the range its formulas hold for: check the calliper placement.</translation>
    </message>
</context>
<context>
    <name>BiometryPanel</name>
    <message>
        <source>These images are of this woman</source>
        <translation>These images are of this woman</translation>
    </message>
    <message>
        <source>&amp;Save to pregnancy</source>
        <translation>&amp;Save to pregnancy</translation>
    </message>
    <message>
        <source>Use to &amp;date the pregnancy…</source>
        <translation>Use to &amp;date the pregnancy…</translation>
    </message>
    <message>
        <source>Confirm the new dating</source>
        <translation>Confirm the new dating</translation>
    </message>
    <message>
        <source>%1: draw it on the image (%2)</source>
        <translation>%1: draw it on the image (%2)</translation>
    </message>
    <message>
        <source>ellipse: drag along one axis, then move to fit the outline and click</source>
        <translation>ellipse: drag along one axis, then move to fit the outline and click</translation>
    </message>
    <message>
        <source>distance: drag from one calliper to the other</source>
        <translation>distance: drag from one calliper to the other</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Measure</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>GA implied</source>
        <translation>GA implied</translation>
    </message>
    <message>
        <source>Delete removes the selected value</source>
        <translation>Delete removes the selected value</translation>
    </message>
    <message>
        <source>GA by ultrasound:</source>
        <translation>GA by ultrasound:</translation>
    </message>
    <message>
        <source>Estimated fetal weight:</source>
        <translation>Estimated fetal weight:</translation>
    </message>
    <message>
        <source>Pregnancy record</source>
        <translation>Pregnancy record</translation>
    </message>
    <message>
        <source>Exam date:</source>
        <translation>Exam date:</translation>
    </message>
    <message>
        <source>Choose a measure, then draw it on the image:</source>
        <translation>Choose a measure, then draw it on the image:</translation>
    </message>
    <message>
        <source>Saves to the pregnancy of %1</source>
        <translation>Saves to the pregnancy of %1</translation>
    </message>
    <message>
        <source>Not linked to a pregnancy: open the images from a woman&apos;s chart (Ultrasound tab) to save the biometry to her record.</source>
        <translation>Not linked to a pregnancy: open the images from a woman&apos;s chart (Ultrasound tab) to save the biometry to her record.</translation>
    </message>
    <message>
        <source>These images carry no patient ID: make sure they are of %1 before saving.</source>
        <translation>These images carry no patient ID: make sure they are of %1 before saving.</translation>
    </message>
    <message>
        <source>These images are of patient ID %1, not %2 (ID %3).</source>
        <translation>These images are of patient ID %1, not %2 (ID %3).</translation>
    </message>
    <message>
        <source>%1 mm</source>
        <translation>%1 mm</translation>
    </message>
    <message>
        <source>not for dating</source>
        <translation>not for dating</translation>
    </message>
    <message>
        <source>%1 g · %2</source>
        <translation>%1 g · %2</translation>
    </message>
    <message>
        <source>— needs AC and FL</source>
        <translation>— needs AC and FL</translation>
    </message>
    <message>
        <source>%1 weeks · %2</source>
        <translation>%1 weeks · %2</translation>
    </message>
    <message>
        <source>— needs CRL, or BPD, HC, AC, FL</source>
        <translation>— needs CRL, or BPD, HC, AC, FL</translation>
    </message>
    <message>
        <source>NT is assessed at CRL 45–84 mm (11+0 to 13+6); measure the CRL.</source>
        <translation>NT is assessed at CRL 45–84 mm (11+0 to 13+6); measure the CRL.</translation>
    </message>
    <message>
        <source>NT of 3.5 mm or more is above the 99th centile: refer for counselling.</source>
        <translation>NT of 3.5 mm or more is above the 99th centile: refer for counselling.</translation>
    </message>
    <message>
        <source>Saved to the pregnancy: exam of %1.</source>
        <translation>Saved to the pregnancy: exam of %1.</translation>
    </message>
    <message>
        <source>The pregnancy is no longer in the record.</source>
        <translation>The pregnancy is no longer in the record.</translation>
    </message>
    <message>
        <source>EDD %1 → %2.</source>
        <translation>EDD %1 → %2.</translation>
    </message>
    <message>
        <source>EDD stays %1.</source>
        <translation>EDD stays %1.</translation>
    </message>
    <message>
        <source>Dated by this ultrasound: the EDD is now %1.</source>
        <translation>Dated by this ultrasound: the EDD is now %1.</translation>
    </message>
    <message>
        <source>The EDD by LMP stands (%1); the scan is kept as the dating ultrasound.</source>
        <translation>The EDD by LMP stands (%1); the scan is kept as the dating ultrasound.</translation>
    </message>
    <message>
        <source>%1, fetus %2</source>
        <translation>%1, fetus %2</translation>
    </message>
    <message>
        <source>%1 from the machine: %2.</source>
        <translation>%1 from the machine: %2.</translation>
    </message>
    <message>
        <source>The machine&apos;s own EFW: %1 g.</source>
        <translation>The machine&apos;s own EFW: %1 g.</translation>
    </message>
</context>
<context>
    <name>BlobStore</name>
    <message>
        <source>An attachment is named by 64 lower-case hexadecimal digits.</source>
        <translation>An attachment is named by 64 lower-case hexadecimal digits.</translation>
    </message>
    <message>
        <source>This attachment has not reached the regional center completely yet.</source>
        <translation>This attachment has not reached the regional center completely yet.</translation>
    </message>
    <message>
        <source>The attachment keeps arriving damaged; try again later.</source>
        <translation>The attachment keeps arriving damaged; try again later.</translation>
    </message>
    <message>
        <source>The downloaded attachment does not match its SHA-256 and was thrown away; it will be fetched again.</source>
        <translation>The downloaded attachment does not match its SHA-256 and was thrown away; it will be fetched again.</translation>
    </message>
</context>
<context>
    <name>CaseAmendmentDialog</name>
    <message>
        <source>Amend the closed case</source>
        <translation>Amend the closed case</translation>
    </message>
    <message>
        <source>Why the closure is corrected, and on whose information</source>
        <translation>Why the closure is corrected, and on whose information</translation>
    </message>
    <message>
        <source>&amp;Field:</source>
        <translation>&amp;Field:</translation>
    </message>
    <message>
        <source>Now:</source>
        <translation>Now:</translation>
    </message>
    <message>
        <source>&amp;New value:</source>
        <translation>&amp;New value:</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <source>Amendments so far:</source>
        <translation>Amendments so far:</translation>
    </message>
    <message>
        <source>&amp;Save the amendment</source>
        <translation>&amp;Save the amendment</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>weeks+days, e.g. 38+2</source>
        <translation>weeks+days, e.g. 38+2</translation>
    </message>
    <message>
        <source>The new value is the same as the recorded one.</source>
        <translation>The new value is the same as the recorded one.</translation>
    </message>
    <message>
        <source>Give the reason for the amendment.</source>
        <translation>Give the reason for the amendment.</translation>
    </message>
</context>
<context>
    <name>CaseClosureDialog</name>
    <message>
        <source>Newborns</source>
        <translation>Newborns</translation>
    </message>
    <message>
        <source>Close the case (outcome) — %1</source>
        <translation>Close the case (outcome) — %1</translation>
    </message>
    <message>
        <source>&amp;How the pregnancy ended:</source>
        <translation>&amp;How the pregnancy ended:</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Date:</translation>
    </message>
    <message>
        <source>weeks+days, e.g. 38+2</source>
        <translation>weeks+days, e.g. 38+2</translation>
    </message>
    <message>
        <source>Gestational age:</source>
        <translation>Gestational age:</translation>
    </message>
    <message>
        <source>Mode of delivery:</source>
        <translation>Mode of delivery:</translation>
    </message>
    <message>
        <source>hospital name</source>
        <translation>hospital name</translation>
    </message>
    <message>
        <source>Place of delivery:</source>
        <translation>Place of delivery:</translation>
    </message>
    <message>
        <source>Hospital level:</source>
        <translation>Hospital level:</translation>
    </message>
    <message>
        <source>Maternal outcome:</source>
        <translation>Maternal outcome:</translation>
    </message>
    <message>
        <source>Complications:</source>
        <translation>Complications:</translation>
    </message>
    <message>
        <source>Transferred to:</source>
        <translation>Transferred to:</translation>
    </message>
    <message>
        <source>Reason or cause:</source>
        <translation>Reason or cause:</translation>
    </message>
    <message>
        <source>Blood loss:</source>
        <translation>Blood loss:</translation>
    </message>
    <message>
        <source>mL</source>
        <translation>mL</translation>
    </message>
    <message>
        <source>&amp;Add a newborn (twins)</source>
        <translation>&amp;Add a newborn (twins)</translation>
    </message>
    <message>
        <source>&amp;Remove the last newborn</source>
        <translation>&amp;Remove the last newborn</translation>
    </message>
    <message>
        <source>42-day postpartum check on:</source>
        <translation>42-day postpartum check on:</translation>
    </message>
    <message>
        <source>Postpartum check findings:</source>
        <translation>Postpartum check findings:</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Notes:</translation>
    </message>
    <message>
        <source>A closed case can no longer be edited; later corrections are amendments with a reason.</source>
        <translation>A closed case can no longer be edited; later corrections are amendments with a reason.</translation>
    </message>
    <message>
        <source>&amp;Close the case</source>
        <translation>&amp;Close the case</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— choose —</translation>
    </message>
    <message>
        <source>not entered</source>
        <translation>not entered</translation>
    </message>
    <message>
        <source>Newborn %1</source>
        <translation>Newborn %1</translation>
    </message>
    <message>
        <source>Sex:</source>
        <translation>Sex:</translation>
    </message>
    <message>
        <source>Birth weight:</source>
        <translation>Birth weight:</translation>
    </message>
    <message>
        <source>g</source>
        <translation>g</translation>
    </message>
    <message>
        <source>1 min</source>
        <translation>1 min</translation>
    </message>
    <message>
        <source>0–10</source>
        <translation>0–10</translation>
    </message>
    <message>
        <source>5 min</source>
        <translation>5 min</translation>
    </message>
    <message>
        <source>Apgar score:</source>
        <translation>Apgar score:</translation>
    </message>
    <message>
        <source>Outcome:</source>
        <translation>Outcome:</translation>
    </message>
</context>
<context>
    <name>CaseDashboard</name>
    <message>
        <source>Red</source>
        <translation>Red</translation>
    </message>
    <message>
        <source>Orange</source>
        <translation>Orange</translation>
    </message>
    <message>
        <source>Yellow</source>
        <translation>Yellow</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>Green</translation>
    </message>
    <message>
        <source>Purple</source>
        <translation>Purple</translation>
    </message>
    <message>
        <source>First grade</source>
        <translation>First grade</translation>
    </message>
    <message>
        <source>Not graded</source>
        <translation>Not graded</translation>
    </message>
    <message>
        <source>%1 + purple</source>
        <translation>%1 + purple</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>No nurse</source>
        <translation>No nurse</translation>
    </message>
</context>
<context>
    <name>CaseDashboardView</name>
    <message>
        <source>Click a bar to list the women behind it</source>
        <translation>Click a bar to list the women behind it</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>Click a bar to see the women behind it.</source>
        <translation>Click a bar to see the women behind it.</translation>
    </message>
    <message>
        <source>Current pregnancies by risk color</source>
        <translation>Current pregnancies by risk color</translation>
    </message>
    <message>
        <source>Color changes this month</source>
        <translation>Color changes this month</translation>
    </message>
    <message>
        <source>Overdue follow-ups by responsible nurse</source>
        <translation>Overdue follow-ups by responsible nurse</translation>
    </message>
    <message>
        <source>Cases closed this year, by outcome</source>
        <translation>Cases closed this year, by outcome</translation>
    </message>
    <message>
        <source>%1 — none</source>
        <translation>%1 — none</translation>
    </message>
    <message>
        <source>EDD</source>
        <translation>EDD</translation>
    </message>
    <message>
        <source>Graded on</source>
        <translation>Graded on</translation>
    </message>
    <message>
        <source>Contact was due</source>
        <translation>Contact was due</translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation>Closed on</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>CaseFileView</name>
    <message>
        <source>&amp;Open a case file</source>
        <translation>&amp;Open a case file</translation>
    </message>
    <message>
        <source>Responsibility and plan</source>
        <translation>Responsibility and plan</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Report to the district MCH institution</source>
        <translation>Report to the district MCH institution</translation>
    </message>
    <message>
        <source>&amp;Mark reported</source>
        <translation>&amp;Mark reported</translation>
    </message>
    <message>
        <source>Follow-up plan</source>
        <translation>Follow-up plan</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Done on</source>
        <translation>Done on</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Findings, interventions, advice</source>
        <translation>Findings, interventions, advice</translation>
    </message>
    <message>
        <source>&amp;Record a contact…</source>
        <translation>&amp;Record a contact…</translation>
    </message>
    <message>
        <source>Closure (outcome)</source>
        <translation>Closure (outcome)</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>&amp;Close the case…</source>
        <translation>&amp;Close the case…</translation>
    </message>
    <message>
        <source>&amp;Amend…</source>
        <translation>&amp;Amend…</translation>
    </message>
    <message>
        <source>Not decided</source>
        <translation>Not decided</translation>
    </message>
    <message>
        <source>Responsible &amp;doctor:</source>
        <translation>Responsible &amp;doctor:</translation>
    </message>
    <message>
        <source>Responsible &amp;nurse:</source>
        <translation>Responsible &amp;nurse:</translation>
    </message>
    <message>
        <source>Management &amp;plan:</source>
        <translation>Management &amp;plan:</translation>
    </message>
    <message>
        <source>Deliver at:</source>
        <translation>Deliver at:</translation>
    </message>
    <message>
        <source>Reported on:</source>
        <translation>Reported on:</translation>
    </message>
    <message>
        <source>Amendments (who, when, what and why):</source>
        <translation>Amendments (who, when, what and why):</translation>
    </message>
    <message>
        <source>Open a woman&apos;s chart to see her case file.</source>
        <translation>Open a woman&apos;s chart to see her case file.</translation>
    </message>
    <message>
        <source>No case file for this pregnancy (%1). Orange, red and purple grades open one when a clinician decides the grade; a nurse may open one herself.</source>
        <translation>No case file for this pregnancy (%1). Orange, red and purple grades open one when a clinician decides the grade; a nurse may open one herself.</translation>
    </message>
    <message>
        <source>Case open since %1 — %2</source>
        <translation>Case open since %1 — %2</translation>
    </message>
    <message>
        <source>Case closed on %1 — %2. Read-only: correct it with an amendment.</source>
        <translation>Case closed on %1 — %2. Read-only: correct it with an amendment.</translation>
    </message>
    <message>
        <source>Her color requires delivery at a %1 hospital or higher.</source>
        <translation>Her color requires delivery at a %1 hospital or higher.</translation>
    </message>
    <message>
        <source>Not required for this color.</source>
        <translation>Not required for this color.</translation>
    </message>
    <message>
        <source>Reported on %1.</source>
        <translation>Reported on %1.</translation>
    </message>
    <message numerus="yes">
        <source>Due: report by %1 (%n day(s) left).</source>
        <translation>
            <numerusform>Due: report by %1 (%n day left).</numerusform>
            <numerusform>Due: report by %1 (%n days left).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Overdue: was due %1 (3-day rule), %n day(s) late.</source>
        <translation>
            <numerusform>Overdue: was due %1 (3-day rule), %n day late.</numerusform>
            <numerusform>Overdue: was due %1 (3-day rule), %n days late.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Lost to follow-up (%n day(s) late)</source>
        <translation>
            <numerusform>Lost to follow-up (%n day late)</numerusform>
            <numerusform>Lost to follow-up (%n days late)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Overdue (%n day(s) late)</source>
        <translation>
            <numerusform>Overdue (%n day late)</numerusform>
            <numerusform>Overdue (%n days late)</numerusform>
        </translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Scheduled</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Findings</translation>
    </message>
    <message>
        <source>Interventions</source>
        <translation>Interventions</translation>
    </message>
    <message>
        <source>Advice</source>
        <translation>Advice</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Record the scheduled contact and plan the next one</source>
        <translation>Record the scheduled contact and plan the next one</translation>
    </message>
    <message>
        <source>Record an unscheduled contact</source>
        <translation>Record an unscheduled contact</translation>
    </message>
    <message>
        <source>How the pregnancy ended</source>
        <translation>How the pregnancy ended</translation>
    </message>
    <message>
        <source>Not reported before the case was closed.</source>
        <translation>Not reported before the case was closed.</translation>
    </message>
</context>
<context>
    <name>CaseLifecycle</name>
    <message>
        <source>This case is closed: contacts can no longer be recorded.</source>
        <translation>This case is closed: contacts can no longer be recorded.</translation>
    </message>
    <message>
        <source>This contact has already been recorded.</source>
        <translation>This contact has already been recorded.</translation>
    </message>
    <message>
        <source>The contact date must be between the opening of the case and today.</source>
        <translation>The contact date must be between the opening of the case and today.</translation>
    </message>
    <message>
        <source>Record the outcome of the contact.</source>
        <translation>Record the outcome of the contact.</translation>
    </message>
    <message>
        <source>The next contact must be after this one.</source>
        <translation>The next contact must be after this one.</translation>
    </message>
    <message>
        <source>The report date must be between the opening of the case and today.</source>
        <translation>The report date must be between the opening of the case and today.</translation>
    </message>
    <message>
        <source>This case is closed.</source>
        <translation>This case is closed.</translation>
    </message>
    <message>
        <source>This case is already closed; change it through an amendment with a reason.</source>
        <translation>This case is already closed; change it through an amendment with a reason.</translation>
    </message>
    <message>
        <source>Only a closed case is amended; edit an open case directly.</source>
        <translation>Only a closed case is amended; edit an open case directly.</translation>
    </message>
    <message>
        <source>Give the reason for the amendment.</source>
        <translation>Give the reason for the amendment.</translation>
    </message>
</context>
<context>
    <name>CaseManagement</name>
    <message>
        <source>This case file no longer exists.</source>
        <translation>This case file no longer exists.</translation>
    </message>
    <message>
        <source>This pregnancy already has an open case file.</source>
        <translation>This pregnancy already has an open case file.</translation>
    </message>
    <message>
        <source>This case is closed; change it through an amendment.</source>
        <translation>This case is closed; change it through an amendment.</translation>
    </message>
    <message>
        <source>Her risk color requires delivery at a %1 hospital or higher.</source>
        <translation>Her risk color requires delivery at a %1 hospital or higher.</translation>
    </message>
</context>
<context>
    <name>CaseOutcomeValidator</name>
    <message>
        <source>Enter the date of the outcome.</source>
        <translation>Enter the date of the outcome.</translation>
    </message>
    <message>
        <source>The outcome date is in the future.</source>
        <translation>The outcome date is in the future.</translation>
    </message>
    <message>
        <source>The outcome date is before this pregnancy.</source>
        <translation>The outcome date is before this pregnancy.</translation>
    </message>
    <message>
        <source>Enter the gestational age at delivery (20+0 to 45+0 weeks).</source>
        <translation>Enter the gestational age at delivery (20+0 to 45+0 weeks).</translation>
    </message>
    <message>
        <source>Choose the mode of delivery.</source>
        <translation>Choose the mode of delivery.</translation>
    </message>
    <message>
        <source>Enter where she delivered.</source>
        <translation>Enter where she delivered.</translation>
    </message>
    <message>
        <source>Choose the level of the delivery hospital.</source>
        <translation>Choose the level of the delivery hospital.</translation>
    </message>
    <message>
        <source>Choose the maternal outcome.</source>
        <translation>Choose the maternal outcome.</translation>
    </message>
    <message>
        <source>Describe the complications.</source>
        <translation>Describe the complications.</translation>
    </message>
    <message>
        <source>Enter the blood loss (0–10,000 mL).</source>
        <translation>Enter the blood loss (0–10,000 mL).</translation>
    </message>
    <message>
        <source>Enter at least one newborn.</source>
        <translation>Enter at least one newborn.</translation>
    </message>
    <message>
        <source>Newborn %1: </source>
        <translation>Newborn %1: </translation>
    </message>
    <message>
        <source>choose the sex.</source>
        <translation>choose the sex.</translation>
    </message>
    <message>
        <source>enter the birth weight (300–6,500 g).</source>
        <translation>enter the birth weight (300–6,500 g).</translation>
    </message>
    <message>
        <source>choose the outcome.</source>
        <translation>choose the outcome.</translation>
    </message>
    <message>
        <source>enter the Apgar scores at 1 and 5 minutes (0–10).</source>
        <translation>enter the Apgar scores at 1 and 5 minutes (0–10).</translation>
    </message>
    <message>
        <source>Enter the date of the 42-day postpartum check (at least 28 days after delivery).</source>
        <translation>Enter the date of the 42-day postpartum check (at least 28 days after delivery).</translation>
    </message>
    <message>
        <source>Enter the gestational age of the miscarriage (before 28+0 weeks).</source>
        <translation>Enter the gestational age of the miscarriage (before 28+0 weeks).</translation>
    </message>
    <message>
        <source>Enter the gestational age at termination.</source>
        <translation>Enter the gestational age at termination.</translation>
    </message>
    <message>
        <source>Enter the reason for the termination.</source>
        <translation>Enter the reason for the termination.</translation>
    </message>
    <message>
        <source>Enter where she was transferred to.</source>
        <translation>Enter where she was transferred to.</translation>
    </message>
    <message>
        <source>Enter the cause of death.</source>
        <translation>Enter the cause of death.</translation>
    </message>
</context>
<context>
    <name>CaseSettings</name>
    <message>
        <source>The case settings file %1 cannot be read.</source>
        <translation>The case settings file %1 cannot be read.</translation>
    </message>
    <message>
        <source>The case settings are not valid JSON: %1</source>
        <translation>The case settings are not valid JSON: %1</translation>
    </message>
    <message>
        <source>Case setting %1 must be a whole number of days between 0 and 365.</source>
        <translation>Case setting %1 must be a whole number of days between 0 and 365.</translation>
    </message>
    <message>
        <source>The follow-up interval for %1 must be between 1 and 180 days.</source>
        <translation>The follow-up interval for %1 must be between 1 and 180 days.</translation>
    </message>
    <message>
        <source>Escalation must come after the grace period: grace ≤ doctor ≤ district days.</source>
        <translation>Escalation must come after the grace period: grace ≤ doctor ≤ district days.</translation>
    </message>
    <message>
        <source>primary</source>
        <translation>primary</translation>
    </message>
    <message>
        <source>secondary</source>
        <translation>secondary</translation>
    </message>
    <message>
        <source>tertiary</source>
        <translation>tertiary</translation>
    </message>
    <message>
        <source>The delivery hospital level for %1 must be primary, secondary or tertiary.</source>
        <translation>The delivery hospital level for %1 must be primary, secondary or tertiary.</translation>
    </message>
</context>
<context>
    <name>CaseSummaryPdf</name>
    <message>
        <source>High-risk case summary</source>
        <translation>High-risk case summary</translation>
    </message>
    <message>
        <source>Record no. %1</source>
        <translation>Record no. %1</translation>
    </message>
    <message>
        <source>Born %1</source>
        <translation>Born %1</translation>
    </message>
    <message>
        <source>G%1 P%2, EDD %3</source>
        <translation>G%1 P%2, EDD %3</translation>
    </message>
    <message>
        <source>Case opened %1 at %2; responsible doctor %3, nurse %4; report due %5, reported %6.</source>
        <translation>Case opened %1 at %2; responsible doctor %3, nurse %4; report due %5, reported %6.</translation>
    </message>
    <message>
        <source>Management plan:</source>
        <translation>Management plan:</translation>
    </message>
    <message>
        <source>Risk grades</source>
        <translation>Risk grades</translation>
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
        <source>Grade</source>
        <translation>Grade</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>Decided by</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Follow-up contacts</source>
        <translation>Follow-up contacts</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Findings</translation>
    </message>
    <message>
        <source>Interventions</source>
        <translation>Interventions</translation>
    </message>
    <message>
        <source>Advice</source>
        <translation>Advice</translation>
    </message>
    <message>
        <source>%1 on %2 at %3 (%4); mode %5; blood loss %6 mL; mother: %7 %8</source>
        <translation>%1 on %2 at %3 (%4); mode %5; blood loss %6 mL; mother: %7 %8</translation>
    </message>
    <message>
        <source>Newborn: %1, %2 g, Apgar %3/%4, %5</source>
        <translation>Newborn: %1, %2 g, Apgar %3/%4, %5</translation>
    </message>
    <message>
        <source>The case is still open.</source>
        <translation>The case is still open.</translation>
    </message>
    <message>
        <source>The case summary could not be written to %1.</source>
        <translation>The case summary could not be written to %1.</translation>
    </message>
</context>
<context>
    <name>CasesWorkbench</name>
    <message>
        <source>&amp;Dashboard</source>
        <translation>&amp;Dashboard</translation>
    </message>
    <message>
        <source>Case management</source>
        <translation>Case management</translation>
    </message>
    <message>
        <source>High-risk dashboard: colors, changes, overdue follow-ups, outcomes (Ctrl+Shift+D)</source>
        <translation>High-risk dashboard: colors, changes, overdue follow-ups, outcomes (Ctrl+Shift+D)</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>High-risk dashboard</source>
        <translation>High-risk dashboard</translation>
    </message>
</context>
<context>
    <name>Center</name>
    <message>
        <source>obslink-center: %1</source>
        <translation>obslink-center: %1</translation>
    </message>
    <message>
        <source>ObsLink regional center: sync service over HTTPS.</source>
        <translation>ObsLink regional center: sync service over HTTPS.</translation>
    </message>
    <message>
        <source>SQLite file, or postgres://user:password@host:port/database.</source>
        <translation>SQLite file, or postgres://user:password@host:port/database.</translation>
    </message>
    <message>
        <source>Address to listen on.</source>
        <translation>Address to listen on.</translation>
    </message>
    <message>
        <source>Port (0: any free port).</source>
        <translation>Port (0: any free port).</translation>
    </message>
    <message>
        <source>TLS certificate chain (PEM).</source>
        <translation>TLS certificate chain (PEM).</translation>
    </message>
    <message>
        <source>TLS private key (PEM).</source>
        <translation>TLS private key (PEM).</translation>
    </message>
    <message>
        <source>Lifetime of access tokens.</source>
        <translation>Lifetime of access tokens.</translation>
    </message>
    <message>
        <source>The database schema is not current; run obslink-center --init first.</source>
        <translation>The database schema is not current; run obslink-center --init first.</translation>
    </message>
    <message>
        <source>The center only serves HTTPS: give --cert and --key.</source>
        <translation>The center only serves HTTPS: give --cert and --key.</translation>
    </message>
    <message>
        <source>Days a clinic a woman was referred to may still read her records after the referral is closed.</source>
        <translation>Days a clinic a woman was referred to may still read her records after the referral is closed.</translation>
    </message>
    <message>
        <source>--referral-access-days takes a whole number of days, 0 or more.</source>
        <translation>--referral-access-days takes a whole number of days, 0 or more.</translation>
    </message>
</context>
<context>
    <name>CenterAdmin</name>
    <message>
        <source>Create or upgrade the database schema, then exit.</source>
        <translation>Create or upgrade the database schema, then exit.</translation>
    </message>
    <message>
        <source>Add a clinic with this id.</source>
        <translation>Add a clinic with this id.</translation>
    </message>
    <message>
        <source>Name of the clinic to add.</source>
        <translation>Name of the clinic to add.</translation>
    </message>
    <message>
        <source>The added clinic is the regional center (its staff see the region).</source>
        <translation>The added clinic is the regional center (its staff see the region).</translation>
    </message>
    <message>
        <source>Add a user with this login name.</source>
        <translation>Add a user with this login name.</translation>
    </message>
    <message>
        <source>The user&apos;s clinic id.</source>
        <translation>The user&apos;s clinic id.</translation>
    </message>
    <message>
        <source>The user&apos;s role: %1.</source>
        <translation>The user&apos;s role: %1.</translation>
    </message>
    <message>
        <source>The user&apos;s full name.</source>
        <translation>The user&apos;s full name.</translation>
    </message>
    <message>
        <source>Read the new user&apos;s password from this file (first line), never from the command line.</source>
        <translation>Read the new user&apos;s password from this file (first line), never from the command line.</translation>
    </message>
    <message>
        <source>Add the demo region: the center and two clinics, with demo users (see README).</source>
        <translation>Add the demo region: the center and two clinics, with demo users (see README).</translation>
    </message>
    <message>
        <source>PBKDF2 iterations for new passwords.</source>
        <translation>PBKDF2 iterations for new passwords.</translation>
    </message>
    <message>
        <source>Give the password in a readable file with --password-file.</source>
        <translation>Give the password in a readable file with --password-file.</translation>
    </message>
    <message>
        <source>Database schema at version %1.</source>
        <translation>Database schema at version %1.</translation>
    </message>
    <message>
        <source>The database schema is not current; run obslink-center --init first.</source>
        <translation>The database schema is not current; run obslink-center --init first.</translation>
    </message>
    <message>
        <source>--hash-iterations must be at least 1000.</source>
        <translation>--hash-iterations must be at least 1000.</translation>
    </message>
    <message>
        <source>Clinic %1 added.</source>
        <translation>Clinic %1 added.</translation>
    </message>
    <message>
        <source>User %1 added.</source>
        <translation>User %1 added.</translation>
    </message>
    <message>
        <source>Regional maternal and child health center</source>
        <translation>Regional maternal and child health center</translation>
    </message>
    <message>
        <source>East district clinic</source>
        <translation>East district clinic</translation>
    </message>
    <message>
        <source>West district clinic</source>
        <translation>West district clinic</translation>
    </message>
    <message>
        <source>Center administrator</source>
        <translation>Center administrator</translation>
    </message>
    <message>
        <source>Dr Wang</source>
        <translation>Dr Wang</translation>
    </message>
    <message>
        <source>Nurse Li</source>
        <translation>Nurse Li</translation>
    </message>
    <message>
        <source>Dr Zhao</source>
        <translation>Dr Zhao</translation>
    </message>
    <message>
        <source>Dr Chen (ultrasound)</source>
        <translation>Dr Chen (ultrasound)</translation>
    </message>
    <message>
        <source>Regional health platform (FHIR, read-only)</source>
        <translation>Regional health platform (FHIR, read-only)</translation>
    </message>
    <message>
        <source>Demo region added: clinics center, clinic-a, clinic-b; users center-admin, dr-wang, nurse-li, dr-zhao, us-chen, health-platform (password obslink-demo).</source>
        <translation>Demo region added: clinics center, clinic-a, clinic-b; users center-admin, dr-wang, nurse-li, dr-zhao, us-chen, health-platform (password obslink-demo).</translation>
    </message>
    <message>
        <source>The added user&apos;s password is her own or a service account&apos;s: no change at the first sign-in.</source>
        <translation>The added user&apos;s password is her own or a service account&apos;s: no change at the first sign-in.</translation>
    </message>
    <message>
        <source>Give this user a temporary password (--password-file), to be changed at her next sign-in; her sessions end.</source>
        <translation>Give this user a temporary password (--password-file), to be changed at her next sign-in; her sessions end.</translation>
    </message>
    <message>
        <source>Let this user try her password again at once from every computer.</source>
        <translation>Let this user try her password again at once from every computer.</translation>
    </message>
    <message>
        <source>User %1 added; she chooses her own password at her first sign-in.</source>
        <translation>User %1 added; she chooses her own password at her first sign-in.</translation>
    </message>
    <message>
        <source>Temporary password set for %1; she chooses her own at her next sign-in.</source>
        <translation>Temporary password set for %1; she chooses her own at her next sign-in.</translation>
    </message>
    <message>
        <source>%1 may sign in again at once.</source>
        <translation>%1 may sign in again at once.</translation>
    </message>
</context>
<context>
    <name>CenterApi</name>
    <message>
        <source>The request is larger than %1 bytes.</source>
        <translation>The request is larger than %1 bytes.</translation>
    </message>
    <message>
        <source>No such endpoint.</source>
        <translation>No such endpoint.</translation>
    </message>
    <message>
        <source>This endpoint does not accept %1.</source>
        <translation>This endpoint does not accept %1.</translation>
    </message>
    <message>
        <source>Not logged in.</source>
        <translation>Not logged in.</translation>
    </message>
    <message>
        <source>limit must be a positive whole number.</source>
        <translation>limit must be a positive whole number.</translation>
    </message>
    <message>
        <source>There is no clinic &quot;%1&quot;.</source>
        <translation>There is no clinic &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The chunk&apos;s offset must be a whole number.</source>
        <translation>The chunk&apos;s offset must be a whole number.</translation>
    </message>
    <message>
        <source>Say the attachment&apos;s whole size in ?size=.</source>
        <translation>Say the attachment&apos;s whole size in ?size=.</translation>
    </message>
    <message>
        <source>length must be a whole number.</source>
        <translation>length must be a whole number.</translation>
    </message>
    <message>
        <source>The platform role reads the region through /fhir only.</source>
        <translation>The platform role reads the region through /fhir only.</translation>
    </message>
    <message>
        <source>Only an administrator may search the audit trail.</source>
        <translation>Only an administrator may search the audit trail.</translation>
    </message>
    <message>
        <source>The audit search takes ISO 8601 times and a limit of 1 to 10000.</source>
        <translation>The audit search takes ISO 8601 times and a limit of 1 to 10000.</translation>
    </message>
</context>
<context>
    <name>CenterAuditCommands</name>
    <message>
        <source>Print the audit entries that match --patient, --user, --audit-clinic, --from and --to (JSON).</source>
        <translation>Print the audit entries that match --patient, --user, --audit-clinic, --from and --to (JSON).</translation>
    </message>
    <message>
        <source>Check every audit chain; exit 1 if one is broken.</source>
        <translation>Check every audit chain; exit 1 if one is broken.</translation>
    </message>
    <message>
        <source>Write the access report of the woman given by --patient (HTML, to --out or stdout).</source>
        <translation>Write the access report of the woman given by --patient (HTML, to --out or stdout).</translation>
    </message>
    <message>
        <source>The woman&apos;s patient id.</source>
        <translation>The woman&apos;s patient id.</translation>
    </message>
    <message>
        <source>A user name.</source>
        <translation>A user name.</translation>
    </message>
    <message>
        <source>A clinic id.</source>
        <translation>A clinic id.</translation>
    </message>
    <message>
        <source>From this time (ISO 8601, UTC if no offset).</source>
        <translation>From this time (ISO 8601, UTC if no offset).</translation>
    </message>
    <message>
        <source>Up to this time (ISO 8601).</source>
        <translation>Up to this time (ISO 8601).</translation>
    </message>
    <message>
        <source>At most this many entries.</source>
        <translation>At most this many entries.</translation>
    </message>
    <message>
        <source>Write to this file.</source>
        <translation>Write to this file.</translation>
    </message>
    <message>
        <source>--%1 takes a time written 2026-12-07T09:30:00Z or a date 2026-12-07.</source>
        <translation>--%1 takes a time written 2026-12-07T09:30:00Z or a date 2026-12-07.</translation>
    </message>
    <message>
        <source>--limit takes a whole number, 1 or more.</source>
        <translation>--limit takes a whole number, 1 or more.</translation>
    </message>
    <message>
        <source>--audit-report needs --patient.</source>
        <translation>--audit-report needs --patient.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
    <message>
        <source>The database schema is not current; run obslink-center --init first.</source>
        <translation>The database schema is not current; run obslink-center --init first.</translation>
    </message>
</context>
<context>
    <name>CenterConnection</name>
    <message>
        <source>The center&apos;s key does not match the pinned key; the connection was refused.</source>
        <translation>The center&apos;s key does not match the pinned key; the connection was refused.</translation>
    </message>
    <message>
        <source>The center&apos;s address must start with https://.</source>
        <translation>The center&apos;s address must start with https://.</translation>
    </message>
    <message>
        <source>The center&apos;s certificate is not trusted (%1); the connection was refused.</source>
        <translation>The center&apos;s certificate is not trusted (%1); the connection was refused.</translation>
    </message>
    <message>
        <source>The regional center cannot be reached (%1).</source>
        <translation>The regional center cannot be reached (%1).</translation>
    </message>
    <message>
        <source>The center answered with HTTP status %1 and no explanation.</source>
        <translation>The center answered with HTTP status %1 and no explanation.</translation>
    </message>
    <message>
        <source>The center refused the request: %1</source>
        <translation>The center refused the request: %1</translation>
    </message>
    <message>
        <source>The center&apos;s login reply cannot be read.</source>
        <translation>The center&apos;s login reply cannot be read.</translation>
    </message>
    <message>
        <source>The center did not accept the user name or password.</source>
        <translation>The center did not accept the user name or password.</translation>
    </message>
    <message>
        <source>This account is locked for a while after repeated wrong passwords; try again later or ask the center&apos;s administrator.</source>
        <translation>This account is locked for a while after repeated wrong passwords; try again later or ask the center&apos;s administrator.</translation>
    </message>
    <message>
        <source>The sign-in to the center has expired; please sign in again.</source>
        <translation>The sign-in to the center has expired; please sign in again.</translation>
    </message>
    <message>
        <source>Your account may not do this at the center.</source>
        <translation>Your account may not do this at the center.</translation>
    </message>
    <message>
        <source>Your password was set by an administrator: choose your own password now.</source>
        <translation>Your password was set by an administrator: choose your own password now.</translation>
    </message>
    <message>
        <source>The center did not accept the new password: %1</source>
        <translation>The center did not accept the new password: %1</translation>
    </message>
</context>
<context>
    <name>CenterDatabase</name>
    <message>
        <source>The database driver for %1 is not installed.</source>
        <translation>The database driver for %1 is not installed.</translation>
    </message>
    <message>
        <source>The center database cannot be opened: %1</source>
        <translation>The center database cannot be opened: %1</translation>
    </message>
    <message>
        <source>Center migration %1 is missing.</source>
        <translation>Center migration %1 is missing.</translation>
    </message>
    <message>
        <source>Cannot lock the center database to migrate it.</source>
        <translation>Cannot lock the center database to migrate it.</translation>
    </message>
</context>
<context>
    <name>CenterServer</name>
    <message>
        <source>No certificate could be read from %1.</source>
        <translation>No certificate could be read from %1.</translation>
    </message>
    <message>
        <source>The private key %1 cannot be read.</source>
        <translation>The private key %1 cannot be read.</translation>
    </message>
    <message>
        <source>The private key %1 is not a PEM RSA or EC key.</source>
        <translation>The private key %1 is not a PEM RSA or EC key.</translation>
    </message>
    <message>
        <source>Cannot listen on %1 port %2.</source>
        <translation>Cannot listen on %1 port %2.</translation>
    </message>
</context>
<context>
    <name>CenterSettings</name>
    <message>
        <source>No regional center is configured (Settings → Regional center).</source>
        <translation>No regional center is configured (Settings → Regional center).</translation>
    </message>
    <message>
        <source>The regional center&apos;s address must start with https:// (%1).</source>
        <translation>The regional center&apos;s address must start with https:// (%1).</translation>
    </message>
    <message>
        <source>The regional CA file %1 does not exist.</source>
        <translation>The regional CA file %1 does not exist.</translation>
    </message>
    <message>
        <source>The password file %1 cannot be read.</source>
        <translation>The password file %1 cannot be read.</translation>
    </message>
</context>
<context>
    <name>CenterSettingsDialog</name>
    <message>
        <source>Regional center</source>
        <translation>Regional center</translation>
    </message>
    <message>
        <source>optional: SHA-256 of the center&apos;s public key (base64)</source>
        <translation>optional: SHA-256 of the center&apos;s public key (base64)</translation>
    </message>
    <message>
        <source>only to sign in; leave empty to stay signed in</source>
        <translation>only to sign in; leave empty to stay signed in</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Regional CA certificate</source>
        <translation>Regional CA certificate</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt);;All files (*)</source>
        <translation>Certificates (*.pem *.crt);;All files (*)</translation>
    </message>
    <message>
        <source>Center address:</source>
        <translation>Center address:</translation>
    </message>
    <message>
        <source>Regional CA file:</source>
        <translation>Regional CA file:</translation>
    </message>
    <message>
        <source>Key pin:</source>
        <translation>Key pin:</translation>
    </message>
    <message>
        <source>User name at the center:</source>
        <translation>User name at the center:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <source>Sync every:</source>
        <translation>Sync every:</translation>
    </message>
    <message>
        <source>The password is used once to sign in and is never stored; this computer keeps the sign-in in the system keychain. Records are sent over HTTPS only.</source>
        <translation>The password is used once to sign in and is never stored; this computer keeps the sign-in in the system keychain. Records are sent over HTTPS only.</translation>
    </message>
    <message>
        <source>Save and sync</source>
        <translation>Save and sync</translation>
    </message>
    <message>
        <source>Sign out on this computer</source>
        <translation>Sign out on this computer</translation>
    </message>
    <message>
        <source>Enter your user name at the center.</source>
        <translation>Enter your user name at the center.</translation>
    </message>
</context>
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
        <source>%1 already exists; demo data is only written to a new file.</source>
        <translation>%1 already exists; demo data is only written to a new file.</translation>
    </message>
    <message>
        <source>high-risk case worklists (cases worklist --db FILE --on DATE)</source>
        <translation>high-risk case worklists (cases worklist --db FILE --on DATE)</translation>
    </message>
    <message>
        <source>Clinic database file.</source>
        <translation>Clinic database file.</translation>
    </message>
    <message>
        <source>Date of the worklist (default: today).</source>
        <translation>Date of the worklist (default: today).</translation>
    </message>
    <message>
        <source>The clinic&apos;s case management settings (JSON).</source>
        <translation>The clinic&apos;s case management settings (JSON).</translation>
    </message>
    <message>
        <source>The date %1 is not a valid YYYY-MM-DD date.</source>
        <translation>The date %1 is not a valid YYYY-MM-DD date.</translation>
    </message>
    <message>
        <source>Unknown worklist %1.</source>
        <translation>Unknown worklist %1.</translation>
    </message>
    <message>
        <source>The database %1 does not exist.</source>
        <translation>The database %1 does not exist.</translation>
    </message>
    <message>
        <source>Cannot read %1.</source>
        <translation>Cannot read %1.</translation>
    </message>
    <message>
        <source>Usage: obslink-cli ctg analyse FILE [--format csv|wfdb] [--baseline-series] [--ga-weeks N]
FILE is a CSV (time_s,fhr_bpm,toco …) or a WFDB record (.hea/.dat, format 16).
See docs/ctg-analysis.md for the JSON printed.</source>
        <translation>Usage: obslink-cli ctg analyse FILE [--format csv|wfdb] [--baseline-series] [--ga-weeks N]
FILE is a CSV (time_s,fhr_bpm,toco …) or a WFDB record (.hea/.dat, format 16).
See docs/ctg-analysis.md for the JSON printed.</translation>
    </message>
    <message>
        <source>--ga-weeks must be a number of weeks between 20 and 45.</source>
        <translation>--ga-weeks must be a number of weeks between 20 and 45.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
    <message>
        <source>Also grade every pregnancy as a clinician would confirm it, opening case files for high grades (for the demo).</source>
        <translation>Also grade every pregnancy as a clinician would confirm it, opening case files for high grades (for the demo).</translation>
    </message>
    <message>
        <source>one sync round with the regional center (sync --db FILE --server URL)</source>
        <translation>one sync round with the regional center (sync --db FILE --server URL)</translation>
    </message>
    <message>
        <source>--frame needs a frame number (0 or more).</source>
        <translation>--frame needs a frame number (0 or more).</translation>
    </message>
    <message>
        <source>Usage: obslink-cli sync --db FILE --server URL [--ca FILE] [--pin SHA256] --user NAME --password-file FILE [--publish-all] [--page-size N]</source>
        <translation>Usage: obslink-cli sync --db FILE --server URL [--ca FILE] [--pin SHA256] --user NAME --password-file FILE [--publish-all] [--page-size N]</translation>
    </message>
    <message>
        <source>The regional center (https://host:port).</source>
        <translation>The regional center (https://host:port).</translation>
    </message>
    <message>
        <source>Regional CA certificate (PEM), trusted besides the system&apos;s.</source>
        <translation>Regional CA certificate (PEM), trusted besides the system&apos;s.</translation>
    </message>
    <message>
        <source>SHA-256 of the center&apos;s public key (base64).</source>
        <translation>SHA-256 of the center&apos;s public key (base64).</translation>
    </message>
    <message>
        <source>Login name at the center.</source>
        <translation>Login name at the center.</translation>
    </message>
    <message>
        <source>File whose first line is the password.</source>
        <translation>File whose first line is the password.</translation>
    </message>
    <message>
        <source>First queue every record of this cache for the center (a cache filled by an import or before sync).</source>
        <translation>First queue every record of this cache for the center (a cache filled by an import or before sync).</translation>
    </message>
    <message>
        <source>Records per request (smaller for a poor connection).</source>
        <translation>Records per request (smaller for a poor connection).</translation>
    </message>
    <message>
        <source>The password file %1 cannot be read.</source>
        <translation>The password file %1 cannot be read.</translation>
    </message>
    <message>
        <source>the regional PACS over DICOMweb (pacs query|retrieve|send|receive)</source>
        <translation>the regional PACS over DICOMweb (pacs query|retrieve|send|receive)</translation>
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
        <translation>Usage: obslink-cli pacs query|retrieve|send|forward|receive|demo-studies [OPTIONS]
  query    [--patient-id ID] [--accession N] [--from DATE] [--to DATE] [--modality US]
  retrieve STUDY-UID --cache DIR [--cache-mb N]
  send     FILE|FOLDER…
  forward  --inbox DIR      (one round: the inbox&apos;s pending files to the PACS)
  receive  --inbox DIR [--aet TITLE] [--port N]   (C-STORE receiver, forwards while it runs)
  demo-studies --out DIR [--db FILE]   (synthetic ultrasound studies, never real patients;
                            with --db, of the first women with a pregnancy in that demo database)
The PACS: --server URL (DICOMweb root, https) [--ca FILE] [--user NAME --password-file FILE].
See docs/dicom.md.</translation>
    </message>
    <message>
        <source>The PACS&apos;s DICOMweb root (https://…/dicom-web).</source>
        <translation>The PACS&apos;s DICOMweb root (https://…/dicom-web).</translation>
    </message>
    <message>
        <source>User name at the PACS.</source>
        <translation>User name at the PACS.</translation>
    </message>
    <message>
        <source>Patient ID (the woman&apos;s national ID number).</source>
        <translation>Patient ID (the woman&apos;s national ID number).</translation>
    </message>
    <message>
        <source>Accession number.</source>
        <translation>Accession number.</translation>
    </message>
    <message>
        <source>First study date (YYYY-MM-DD).</source>
        <translation>First study date (YYYY-MM-DD).</translation>
    </message>
    <message>
        <source>Last study date (YYYY-MM-DD).</source>
        <translation>Last study date (YYYY-MM-DD).</translation>
    </message>
    <message>
        <source>Modality in the study (empty: any).</source>
        <translation>Modality in the study (empty: any).</translation>
    </message>
    <message>
        <source>Folder of the local study cache.</source>
        <translation>Folder of the local study cache.</translation>
    </message>
    <message>
        <source>Size bound of the study cache in MB.</source>
        <translation>Size bound of the study cache in MB.</translation>
    </message>
    <message>
        <source>The receiver&apos;s inbox folder.</source>
        <translation>The receiver&apos;s inbox folder.</translation>
    </message>
    <message>
        <source>AE title the receiver answers to.</source>
        <translation>AE title the receiver answers to.</translation>
    </message>
    <message>
        <source>TCP port of the receiver.</source>
        <translation>TCP port of the receiver.</translation>
    </message>
    <message>
        <source>Output folder.</source>
        <translation>Output folder.</translation>
    </message>
    <message>
        <source>Demo clinic database whose women the studies belong to.</source>
        <translation>Demo clinic database whose women the studies belong to.</translation>
    </message>
    <message>
        <source>--server is needed.</source>
        <translation>--server is needed.</translation>
    </message>
    <message>
        <source>Dates are written YYYY-MM-DD.</source>
        <translation>Dates are written YYYY-MM-DD.</translation>
    </message>
    <message numerus="yes">
        <source>%n instance(s), %1 MB</source>
        <translation>
            <numerusform>%n instance, %1 MB</numerusform>
            <numerusform>%n instances, %1 MB</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Forwarding paused, %n instance(s) waiting: %1</source>
        <translation>
            <numerusform>Forwarding paused, %n instance waiting: %1</numerusform>
            <numerusform>Forwarding paused, %n instances waiting: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Receiving on port %1 as %2; Ctrl+C stops.</source>
        <translation>Receiving on port %1 as %2; Ctrl+C stops.</translation>
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
        <translation>Usage: obslink-cli risk assess FILE.json [--rules RULESET.json]
FILE.json (&apos;-&apos; for standard input) describes one pregnancy on one date:
  assessedOn (required, YYYY-MM-DD), birthDate, heightCm, weightKg, fetuses, gestationalWeeks,
  uterineSurgeries, lastUterineSurgeryDate,
  labs {hb g/L, plt 10^9/L, creatinine umol/L, creatinineUpperLimit, hbsag, syphilis, hiv: &quot;positive&quot;|&quot;negative&quot;},
  bp {systolic, diastolic}, bpReadings [{systolic, diastolic, date}], presentation, findings [rule ids].
Prints the grade, the purple flag, every fired rule with its evidence, suggestions and the rule-set version.
Rules: --rules, else the file named in OBSLINK_RULE_SET, else the national 2017 table.
See docs/rules-five-color-2017.md.</translation>
    </message>
    <message>
        <source>Also record a non-stress test trace for up to N women at 32–41 weeks (default 0).</source>
        <translation>Also record a non-stress test trace for up to N women at 32–41 weeks (default 0).</translation>
    </message>
    <message>
        <source>one woman&apos;s records as a FHIR R4 Bundle (fhir export --db FILE --patient ID)</source>
        <translation>one woman&apos;s records as a FHIR R4 Bundle (fhir export --db FILE --patient ID)</translation>
    </message>
    <message>
        <source>Usage: obslink-cli fhir export --db FILE --patient ID [--out FILE]
Writes one woman&apos;s records as a FHIR R4 Bundle (JSON); see docs/fhir.md.</source>
        <translation>Usage: obslink-cli fhir export --db FILE --patient ID [--out FILE]
Writes one woman&apos;s records as a FHIR R4 Bundle (JSON); see docs/fhir.md.</translation>
    </message>
    <message>
        <source>One list: due, overdue, unreported, lost, edd, unassigned, appointments-today, appointments-tomorrow or missed-appointment (default: all).</source>
        <translation>One list: due, overdue, unreported, lost, edd, unassigned, appointments-today, appointments-tomorrow or missed-appointment (default: all).</translation>
    </message>
    <message>
        <source>Usage: obslink-cli cases worklist --db FILE [--on YYYY-MM-DD] [--kind due|overdue|unreported|lost|edd|unassigned|appointments-today|appointments-tomorrow|missed-appointment]</source>
        <translation>Usage: obslink-cli cases worklist --db FILE [--on YYYY-MM-DD] [--kind due|overdue|unreported|lost|edd|unassigned|appointments-today|appointments-tomorrow|missed-appointment]</translation>
    </message>
    <message>
        <source>DICOM ultrasound files (dicom info|render|sr FILE)</source>
        <translation>DICOM ultrasound files (dicom info|render|sr FILE)</translation>
    </message>
    <message>
        <source>Usage: obslink-cli dicom info FILE
       obslink-cli dicom render FILE [--frame N] --out PNG
       obslink-cli dicom sr FILE
Frames are numbered from 0 (a one-frame file also accepts 1). `sr` lists the biometry of an
ultrasound machine&apos;s structured report, fetus by fetus, and what became of every value.
See docs/dicom.md.</source>
        <translation>Usage: obslink-cli dicom info FILE
       obslink-cli dicom render FILE [--frame N] --out PNG
       obslink-cli dicom sr FILE
Frames are numbered from 0 (a one-frame file also accepts 1). `sr` lists the biometry of an
ultrasound machine&apos;s structured report, fetus by fetus, and what became of every value.
See docs/dicom.md.</translation>
    </message>
    <message>
        <source>No referral %1 in this database.</source>
        <translation>No referral %1 in this database.</translation>
    </message>
    <message>
        <source>The referral&apos;s id.</source>
        <translation>The referral&apos;s id.</translation>
    </message>
    <message>
        <source>the referrals in a clinic database as JSON (referral list|show|figures --db FILE)</source>
        <translation>the referrals in a clinic database as JSON (referral list|show|figures --db FILE)</translation>
    </message>
    <message>
        <source>Usage: obslink-cli referral list --db FILE
       obslink-cli referral show --db FILE --id REFERRAL-ID
       obslink-cli referral figures --db FILE [--from YYYY-MM-DD] [--to YYYY-MM-DD]</source>
        <translation>Usage: obslink-cli referral list --db FILE
       obslink-cli referral show --db FILE --id REFERRAL-ID
       obslink-cli referral figures --db FILE [--from YYYY-MM-DD] [--to YYYY-MM-DD]</translation>
    </message>
    <message>
        <source>First day sent (default: a year ago).</source>
        <translation>First day sent (default: a year ago).</translation>
    </message>
    <message>
        <source>Last day sent (default: today).</source>
        <translation>Last day sent (default: today).</translation>
    </message>
    <message>
        <source>Also refer up to N of the highest-graded women to the regional center (with --grade; default 0).</source>
        <translation>Also refer up to N of the highest-graded women to the regional center (with --grade; default 0).</translation>
    </message>
    <message>
        <source>Usage: obslink-cli demo-data --db FILE [--patients N] [--seed S] [--today YYYY-MM-DD] [--clinic ID] [--grade] [--ctg-traces N] [--referrals N]</source>
        <translation>Usage: obslink-cli demo-data --db FILE [--patients N] [--seed S] [--today YYYY-MM-DD] [--clinic ID] [--grade] [--ctg-traces N] [--referrals N]</translation>
    </message>
    <message>
        <source>the remote consultations in a clinic database as JSON (consultation list|show --db FILE)</source>
        <translation>the remote consultations in a clinic database as JSON (consultation list|show --db FILE)</translation>
    </message>
    <message>
        <source>Usage: obslink-cli consultation list --db FILE
       obslink-cli consultation show --db FILE --id CONSULTATION-ID</source>
        <translation>Usage: obslink-cli consultation list --db FILE
       obslink-cli consultation show --db FILE --id CONSULTATION-ID</translation>
    </message>
    <message>
        <source>No consultation %1 in this database.</source>
        <translation>No consultation %1 in this database.</translation>
    </message>
    <message>
        <source>this workstation&apos;s audit trail (audit list|verify|report --db FILE)</source>
        <translation>this workstation&apos;s audit trail (audit list|verify|report --db FILE)</translation>
    </message>
    <message>
        <source>Usage: obslink-cli audit list --db FILE [--patient ID] [--after SEQ] [--limit N]
       obslink-cli audit verify --db FILE
       obslink-cli audit report --db FILE --patient ID [--out FILE.html]
This workstation&apos;s audit trail (docs/audit.md): its entries as JSON, the check of its hash chain (exit 1 where it is broken), or a woman&apos;s access report as a page to print.</source>
        <translation>Usage: obslink-cli audit list --db FILE [--patient ID] [--after SEQ] [--limit N]
       obslink-cli audit verify --db FILE
       obslink-cli audit report --db FILE --patient ID [--out FILE.html]
This workstation&apos;s audit trail (docs/audit.md): its entries as JSON, the check of its hash chain (exit 1 where it is broken), or a woman&apos;s access report as a page to print.</translation>
    </message>
</context>
<context>
    <name>ClinicDirectory</name>
    <message>
        <source>The center&apos;s list of clinics cannot be read.</source>
        <translation>The center&apos;s list of clinics cannot be read.</translation>
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
    <name>ClockCheck</name>
    <message numerus="yes">
        <source>This computer&apos;s clock is %n minute(s) behind the regional center&apos;s.</source>
        <translation>
            <numerusform>This computer&apos;s clock is %n minute behind the regional center&apos;s.</numerusform>
            <numerusform>This computer&apos;s clock is %n minutes behind the regional center&apos;s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This computer&apos;s clock is %n minute(s) ahead of the regional center&apos;s.</source>
        <translation>
            <numerusform>This computer&apos;s clock is %n minute ahead of the regional center&apos;s.</numerusform>
            <numerusform>This computer&apos;s clock is %n minutes ahead of the regional center&apos;s.</numerusform>
        </translation>
    </message>
    <message>
        <source>The times it writes on visits, referrals and the audit trail are wrong by as much: ask your IT to set the clock.</source>
        <translation>The times it writes on visits, referrals and the audit trail are wrong by as much: ask your IT to set the clock.</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Another value:</source>
        <translation>Another value:</translation>
    </message>
    <message>
        <source>Keep this value</source>
        <translation>Keep this value</translation>
    </message>
    <message>
        <source>Sync conflicts</source>
        <translation>Sync conflicts</translation>
    </message>
    <message>
        <source>These fields were changed on this workstation and elsewhere in the region before the two copies met. Both values are kept until you choose; your choice is sent to the regional center.</source>
        <translation>These fields were changed on this workstation and elsewhere in the region before the two copies met. Both values are kept until you choose; your choice is sent to the regional center.</translation>
    </message>
    <message>
        <source>Woman</source>
        <translation>Woman</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>This workstation</source>
        <translation>This workstation</translation>
    </message>
    <message>
        <source>Regional center</source>
        <translation>Regional center</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Found</translation>
    </message>
    <message>
        <source>Your choice</source>
        <translation>Your choice</translation>
    </message>
    <message>
        <source>Woman&apos;s details</source>
        <translation>Woman&apos;s details</translation>
    </message>
    <message>
        <source>Pregnancy</source>
        <translation>Pregnancy</translation>
    </message>
    <message>
        <source>Antenatal visit</source>
        <translation>Antenatal visit</translation>
    </message>
    <message>
        <source>Lab result</source>
        <translation>Lab result</translation>
    </message>
    <message>
        <source>Risk grade</source>
        <translation>Risk grade</translation>
    </message>
    <message>
        <source>Risk finding</source>
        <translation>Risk finding</translation>
    </message>
    <message>
        <source>Risk screening</source>
        <translation>Risk screening</translation>
    </message>
    <message>
        <source>High-risk case file</source>
        <translation>High-risk case file</translation>
    </message>
    <message>
        <source>Follow-up contact</source>
        <translation>Follow-up contact</translation>
    </message>
    <message>
        <source>Ultrasound exam</source>
        <translation>Ultrasound exam</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>National ID number</source>
        <translation>National ID number</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Record number</source>
        <translation>Record number</translation>
    </message>
    <message>
        <source>Last menstrual period</source>
        <translation>Last menstrual period</translation>
    </message>
    <message>
        <source>Expected date of delivery</source>
        <translation>Expected date of delivery</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <source>Responsible doctor</source>
        <translation>Responsible doctor</translation>
    </message>
    <message>
        <source>Responsible nurse</source>
        <translation>Responsible nurse</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>(not in this clinic&apos;s records)</source>
        <translation>(not in this clinic&apos;s records)</translation>
    </message>
    <message>
        <source>whole record</source>
        <translation>whole record</translation>
    </message>
    <message>
        <source>could not be stored here</source>
        <translation>could not be stored here</translation>
    </message>
    <message>
        <source>No conflicts are waiting.</source>
        <translation>No conflicts are waiting.</translation>
    </message>
    <message>
        <source>Keep this workstation&apos;s value</source>
        <translation>Keep this workstation&apos;s value</translation>
    </message>
    <message>
        <source>Take the regional center&apos;s value</source>
        <translation>Take the regional center&apos;s value</translation>
    </message>
    <message>
        <source>The regional center sent a %1 that this workstation could not store (it may refer to a record not here). It is kept for the clinic&apos;s administrator; nothing was lost.</source>
        <translation>The regional center sent a %1 that this workstation could not store (it may refer to a record not here). It is kept for the clinic&apos;s administrator; nothing was lost.</translation>
    </message>
    <message>
        <source>%1 — %2: which value is right?</source>
        <translation>%1 — %2: which value is right?</translation>
    </message>
    <message>
        <source>Keep this workstation&apos;s value: %1</source>
        <translation>Keep this workstation&apos;s value: %1</translation>
    </message>
    <message>
        <source>Take the regional center&apos;s value: %1</source>
        <translation>Take the regional center&apos;s value: %1</translation>
    </message>
    <message>
        <source>Enter a number.</source>
        <translation>Enter a number.</translation>
    </message>
    <message>
        <source>Enter a date as YYYY-MM-DD, e.g. 2026-03-15.</source>
        <translation>Enter a date as YYYY-MM-DD, e.g. 2026-03-15.</translation>
    </message>
</context>
<context>
    <name>ConsultationReadings</name>
    <message>
        <source>Sign the interpretation before it answers the consultation.</source>
        <translation>Sign the interpretation before it answers the consultation.</translation>
    </message>
    <message>
        <source>Sign the report before it answers the consultation.</source>
        <translation>Sign the report before it answers the consultation.</translation>
    </message>
    <message>
        <source>This report is filed under another woman than the consultation asks about: open her chart, then the study&apos;s report.</source>
        <translation>This report is filed under another woman than the consultation asks about: open her chart, then the study&apos;s report.</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>Follow-up contact — %1</source>
        <translation>Follow-up contact — %1</translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation>Phone call</translation>
    </message>
    <message>
        <source>Clinic visit</source>
        <translation>Clinic visit</translation>
    </message>
    <message>
        <source>Home visit</source>
        <translation>Home visit</translation>
    </message>
    <message>
        <source>Reached, followed up</source>
        <translation>Reached, followed up</translation>
    </message>
    <message>
        <source>Not reached</source>
        <translation>Not reached</translation>
    </message>
    <message>
        <source>Came to the clinic</source>
        <translation>Came to the clinic</translation>
    </message>
    <message>
        <source>&amp;Contact:</source>
        <translation>&amp;Contact:</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <source>&amp;Outcome:</source>
        <translation>&amp;Outcome:</translation>
    </message>
    <message>
        <source>&amp;Findings:</source>
        <translation>&amp;Findings:</translation>
    </message>
    <message>
        <source>&amp;Interventions:</source>
        <translation>&amp;Interventions:</translation>
    </message>
    <message>
        <source>&amp;Advice given:</source>
        <translation>&amp;Advice given:</translation>
    </message>
    <message>
        <source>&amp;Next contact due:</source>
        <translation>&amp;Next contact due:</translation>
    </message>
</context>
<context>
    <name>CtgAnalyzer</name>
    <message>
        <source>The trace is empty.</source>
        <translation>The trace is empty.</translation>
    </message>
    <message>
        <source>%1% of the signal is lost: too little to classify the trace.</source>
        <translation>%1% of the signal is lost: too little to classify the trace.</translation>
    </message>
    <message>
        <source>Baseline below 100 bpm (%1 bpm).</source>
        <translation>Baseline below 100 bpm (%1 bpm).</translation>
    </message>
    <message>
        <source>Baseline below 110 bpm (%1 bpm).</source>
        <translation>Baseline below 110 bpm (%1 bpm).</translation>
    </message>
    <message>
        <source>Baseline above 160 bpm (%1 bpm): tachycardia.</source>
        <translation>Baseline above 160 bpm (%1 bpm): tachycardia.</translation>
    </message>
    <message>
        <source>Reduced variability for more than 50 minutes.</source>
        <translation>Reduced variability for more than 50 minutes.</translation>
    </message>
    <message>
        <source>Reduced variability (below 5 bpm) for %1 minutes.</source>
        <translation>Reduced variability (below 5 bpm) for %1 minutes.</translation>
    </message>
    <message>
        <source>Increased (saltatory) variability for more than 30 minutes.</source>
        <translation>Increased (saltatory) variability for more than 30 minutes.</translation>
    </message>
    <message>
        <source>Increased variability (above 25 bpm).</source>
        <translation>Increased variability (above 25 bpm).</translation>
    </message>
    <message>
        <source>Sinusoidal pattern for 30 minutes or more.</source>
        <translation>Sinusoidal pattern for 30 minutes or more.</translation>
    </message>
    <message>
        <source>A prolonged deceleration lasting more than 5 minutes.</source>
        <translation>A prolonged deceleration lasting more than 5 minutes.</translation>
    </message>
    <message>
        <source>Repetitive late or prolonged decelerations.</source>
        <translation>Repetitive late or prolonged decelerations.</translation>
    </message>
    <message>
        <source>Repetitive decelerations.</source>
        <translation>Repetitive decelerations.</translation>
    </message>
    <message>
        <source>A prolonged deceleration (over 3 minutes).</source>
        <translation>A prolonged deceleration (over 3 minutes).</translation>
    </message>
    <message>
        <source>Tachysystole: more than 5 contractions per 10 minutes.</source>
        <translation>Tachysystole: more than 5 contractions per 10 minutes.</translation>
    </message>
    <message>
        <source>Baseline 110–160 bpm, variability 5–25 bpm, no repetitive decelerations.</source>
        <translation>Baseline 110–160 bpm, variability 5–25 bpm, no repetitive decelerations.</translation>
    </message>
    <message>
        <source>Sinusoidal pattern.</source>
        <translation>Sinusoidal pattern.</translation>
    </message>
    <message>
        <source>Absent variability with recurrent late or variable decelerations or bradycardia.</source>
        <translation>Absent variability with recurrent late or variable decelerations or bradycardia.</translation>
    </message>
    <message>
        <source>Baseline 110–160 bpm, moderate variability, no late, variable or prolonged decelerations.</source>
        <translation>Baseline 110–160 bpm, moderate variability, no late, variable or prolonged decelerations.</translation>
    </message>
    <message>
        <source>Late decelerations.</source>
        <translation>Late decelerations.</translation>
    </message>
    <message>
        <source>Variable decelerations.</source>
        <translation>Variable decelerations.</translation>
    </message>
    <message>
        <source>Variability outside 6–25 bpm.</source>
        <translation>Variability outside 6–25 bpm.</translation>
    </message>
    <message>
        <source>Signal may be maternal: for %1 min the FHR runs on the recorded maternal heart rate. Those stretches are left out; check the fetal heart.</source>
        <translation>Signal may be maternal: for %1 min the FHR runs on the recorded maternal heart rate. Those stretches are left out; check the fetal heart.</translation>
    </message>
    <message>
        <source>Signal may be maternal: for %1 min the trace jumps to an adult&apos;s heart rate or to half the fetal rate. Check the maternal pulse against the fetal heart before acting on those stretches.</source>
        <translation>Signal may be maternal: for %1 min the trace jumps to an adult&apos;s heart rate or to half the fetal rate. Check the maternal pulse against the fetal heart before acting on those stretches.</translation>
    </message>
</context>
<context>
    <name>CtgFileFormat</name>
    <message>
        <source>The stored trace is damaged (its checksum does not match).</source>
        <translation>The stored trace is damaged (its checksum does not match).</translation>
    </message>
    <message>
        <source>This is not an ObsLink trace.</source>
        <translation>This is not an ObsLink trace.</translation>
    </message>
    <message>
        <source>This trace was stored by a newer ObsLink (format %1).</source>
        <translation>This trace was stored by a newer ObsLink (format %1).</translation>
    </message>
</context>
<context>
    <name>CtgImporter</name>
    <message>
        <source>Unknown trace format &quot;%1&quot;: use csv or wfdb.</source>
        <translation>Unknown trace format &quot;%1&quot;: use csv or wfdb.</translation>
    </message>
    <message>
        <source>The file %1 cannot be read.</source>
        <translation>The file %1 cannot be read.</translation>
    </message>
    <message>
        <source>Line %1 has %2 values; the header names %3.</source>
        <translation>Line %1 has %2 values; the header names %3.</translation>
    </message>
    <message>
        <source>Line %1: the time &quot;%2&quot; is not a number.</source>
        <translation>Line %1: the time &quot;%2&quot; is not a number.</translation>
    </message>
    <message>
        <source>Line %1: the heart rate &quot;%2&quot; is not a number.</source>
        <translation>Line %1: the heart rate &quot;%2&quot; is not a number.</translation>
    </message>
    <message>
        <source>Line %1: the uterine activity &quot;%2&quot; is not a number.</source>
        <translation>Line %1: the uterine activity &quot;%2&quot; is not a number.</translation>
    </message>
    <message>
        <source>Line %1: time %2 s does not increase.</source>
        <translation>Line %1: time %2 s does not increase.</translation>
    </message>
    <message>
        <source>The trace is longer than 72 hours.</source>
        <translation>The trace is longer than 72 hours.</translation>
    </message>
    <message>
        <source>The file has no samples.</source>
        <translation>The file has no samples.</translation>
    </message>
    <message>
        <source>The samples are not evenly spaced (around %1 s): a trace needs a constant sampling rate.</source>
        <translation>The samples are not evenly spaced (around %1 s): a trace needs a constant sampling rate.</translation>
    </message>
    <message>
        <source>The WFDB header %1.hea cannot be read.</source>
        <translation>The WFDB header %1.hea cannot be read.</translation>
    </message>
    <message>
        <source>The WFDB header is empty.</source>
        <translation>The WFDB header is empty.</translation>
    </message>
    <message>
        <source>The WFDB record line &quot;%1&quot; is not valid.</source>
        <translation>The WFDB record line &quot;%1&quot; is not valid.</translation>
    </message>
    <message>
        <source>The WFDB sampling frequency is not valid.</source>
        <translation>The WFDB sampling frequency is not valid.</translation>
    </message>
    <message>
        <source>Signal %1 is not stored in WFDB format 16, the only one supported.</source>
        <translation>Signal %1 is not stored in WFDB format 16, the only one supported.</translation>
    </message>
    <message>
        <source>All signals must be in one .dat file.</source>
        <translation>All signals must be in one .dat file.</translation>
    </message>
    <message>
        <source>The WFDB signal file %1 cannot be read.</source>
        <translation>The WFDB signal file %1 cannot be read.</translation>
    </message>
    <message>
        <source>The signal file %1 is truncated or does not match its header (%2 bytes for %3 signals).</source>
        <translation>The signal file %1 is truncated or does not match its header (%2 bytes for %3 signals).</translation>
    </message>
    <message>
        <source>The header declares %1 samples but the signal file holds %2.</source>
        <translation>The header declares %1 samples but the signal file holds %2.</translation>
    </message>
    <message>
        <source>Line %1 must name the columns time_s, fhr_bpm and toco (found: %2).</source>
        <translation>Line %1 must name the columns time_s, fhr_bpm and toco (found: %2).</translation>
    </message>
    <message>
        <source>The WFDB record has a maternal heart rate but no fetal heart rate signal.</source>
        <translation>The WFDB record has a maternal heart rate but no fetal heart rate signal.</translation>
    </message>
    <message>
        <source>The signal file &quot;%1&quot; must be beside its header.</source>
        <translation>The signal file &quot;%1&quot; must be beside its header.</translation>
    </message>
</context>
<context>
    <name>CtgPaperPainter</name>
    <message>
        <source>bpm</source>
        <translation>bpm</translation>
    </message>
    <message>
        <source>UA</source>
        <translation>UA</translation>
    </message>
</context>
<context>
    <name>CtgPaperView</name>
    <message>
        <source>No trace open</source>
        <translation>No trace open</translation>
    </message>
</context>
<context>
    <name>CtgPdfExport</name>
    <message>
        <source>There is no trace to print.</source>
        <translation>There is no trace to print.</translation>
    </message>
    <message>
        <source>Fetal heart trace (CTG)</source>
        <translation>Fetal heart trace (CTG)</translation>
    </message>
    <message>
        <source>The PDF cannot be written to %1.</source>
        <translation>The PDF cannot be written to %1.</translation>
    </message>
    <message>
        <source>FIGO: %1   NICHD: %2   Baseline: %3   Signal lost: %4%</source>
        <translation>FIGO: %1   NICHD: %2   Baseline: %3   Signal lost: %4%</translation>
    </message>
    <message>
        <source>%1 bpm</source>
        <translation>%1 bpm</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>Fetal heart trace (CTG) — %1</source>
        <translation>Fetal heart trace (CTG) — %1</translation>
    </message>
    <message>
        <source>Recorded %1 · %2 · %3 cm/min, %4 bpm/cm · from %5 to %6</source>
        <translation>Recorded %1 · %2 · %3 cm/min, %4 bpm/cm · from %5 to %6</translation>
    </message>
    <message>
        <source>Interpretation signed by %1, %2: %3</source>
        <translation>Interpretation signed by %1, %2: %3</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Page %1 of %2</translation>
    </message>
</context>
<context>
    <name>CtgRecordingEndDialog</name>
    <message>
        <source>Import a fetal heart trace</source>
        <translation>Import a fetal heart trace</translation>
    </message>
    <message>
        <source>Filled in from when the monitor wrote %1. If the file was copied from the monitor later, give the time the recording really ended: the trace&apos;s times and her gestational age for the analysis follow from it.</source>
        <translation>Filled in from when the monitor wrote %1. If the file was copied from the monitor later, give the time the recording really ended: the trace&apos;s times and her gestational age for the analysis follow from it.</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <source>Recording &amp;ended:</source>
        <translation>Recording &amp;ended:</translation>
    </message>
</context>
<context>
    <name>CtgRecords</name>
    <message>
        <source>The trace is not linked to a pregnancy.</source>
        <translation>The trace is not linked to a pregnancy.</translation>
    </message>
    <message>
        <source>The samples of this trace are not on this workstation yet.</source>
        <translation>The samples of this trace are not on this workstation yet.</translation>
    </message>
    <message>
        <source>The stored samples of this trace are damaged and cannot be shown.</source>
        <translation>The stored samples of this trace are damaged and cannot be shown.</translation>
    </message>
    <message>
        <source>Write the annotation before saving it.</source>
        <translation>Write the annotation before saving it.</translation>
    </message>
    <message>
        <source>An annotation must be at a time within the trace.</source>
        <translation>An annotation must be at a time within the trace.</translation>
    </message>
    <message>
        <source>This interpretation is signed and can no longer be changed; write a new one instead.</source>
        <translation>This interpretation is signed and can no longer be changed; write a new one instead.</translation>
    </message>
    <message>
        <source>This interpretation is already signed.</source>
        <translation>This interpretation is already signed.</translation>
    </message>
    <message>
        <source>Write the interpretation before signing it.</source>
        <translation>Write the interpretation before signing it.</translation>
    </message>
    <message>
        <source>The interpretation must be signed by a named clinician.</source>
        <translation>The interpretation must be signed by a named clinician.</translation>
    </message>
</context>
<context>
    <name>CtgReview</name>
    <message>
        <source>This trace is no longer in the record.</source>
        <translation>This trace is no longer in the record.</translation>
    </message>
    <message>
        <source>This trace is not in the record; nothing can be saved with it.</source>
        <translation>This trace is not in the record; nothing can be saved with it.</translation>
    </message>
    <message>
        <source>An annotation must be at a time within the trace.</source>
        <translation>An annotation must be at a time within the trace.</translation>
    </message>
    <message>
        <source>The trace is being fetched from the regional center…</source>
        <translation>The trace is being fetched from the regional center…</translation>
    </message>
    <message>
        <source>The trace could not be fetched from the regional center: %1 It is tried again with the next sync.</source>
        <translation>The trace could not be fetched from the regional center: %1 It is tried again with the next sync.</translation>
    </message>
</context>
<context>
    <name>CtgTerms</name>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Suspicious</source>
        <translation>Suspicious</translation>
    </message>
    <message>
        <source>Pathological</source>
        <translation>Pathological</translation>
    </message>
    <message>
        <source>Not classified: signal lost</source>
        <translation>Not classified: signal lost</translation>
    </message>
    <message>
        <source>Not analysed</source>
        <translation>Not analysed</translation>
    </message>
    <message>
        <source>Category I</source>
        <translation>Category I</translation>
    </message>
    <message>
        <source>Category II</source>
        <translation>Category II</translation>
    </message>
    <message>
        <source>Category III</source>
        <translation>Category III</translation>
    </message>
    <message>
        <source>Undetermined</source>
        <translation>Undetermined</translation>
    </message>
    <message>
        <source>Acceleration</source>
        <translation>Acceleration</translation>
    </message>
    <message>
        <source>Contraction</source>
        <translation>Contraction</translation>
    </message>
    <message>
        <source>Early deceleration</source>
        <translation>Early deceleration</translation>
    </message>
    <message>
        <source>Late deceleration</source>
        <translation>Late deceleration</translation>
    </message>
    <message>
        <source>Variable deceleration</source>
        <translation>Variable deceleration</translation>
    </message>
    <message>
        <source>Prolonged deceleration</source>
        <translation>Prolonged deceleration</translation>
    </message>
    <message>
        <source>Deceleration</source>
        <translation>Deceleration</translation>
    </message>
    <message>
        <source>A</source>
        <extracomment>Mark on the CTG paper at an acceleration (one or two characters)</extracomment>
        <translation>A</translation>
    </message>
    <message>
        <source>C</source>
        <extracomment>Mark on the CTG paper at a contraction (one or two characters)</extracomment>
        <translation>C</translation>
    </message>
    <message>
        <source>E</source>
        <extracomment>Marks on the CTG paper at early, late, variable, prolonged decelerations</extracomment>
        <translation>E</translation>
    </message>
    <message>
        <source>L</source>
        <translation>L</translation>
    </message>
    <message>
        <source>V</source>
        <translation>V</translation>
    </message>
    <message>
        <source>P</source>
        <translation>P</translation>
    </message>
    <message>
        <source>D</source>
        <translation>D</translation>
    </message>
    <message>
        <source>Maternal heart rate (recorded channel)</source>
        <translation>Maternal heart rate (recorded channel)</translation>
    </message>
    <message>
        <source>May be maternal heart rate</source>
        <translation>May be maternal heart rate</translation>
    </message>
    <message>
        <source>Doubled count</source>
        <translation>Doubled count</translation>
    </message>
    <message>
        <source>Halved count or maternal heart rate</source>
        <translation>Halved count or maternal heart rate</translation>
    </message>
    <message>
        <source>Artefact</source>
        <translation>Artefact</translation>
    </message>
</context>
<context>
    <name>CtgTraceImport</name>
    <message>
        <source>The file holds no fetal heart rate samples.</source>
        <translation>The file holds no fetal heart rate samples.</translation>
    </message>
</context>
<context>
    <name>CtgTracesView</name>
    <message>
        <source>&amp;Import trace…</source>
        <translation>&amp;Import trace…</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Recorded</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duration</translation>
    </message>
    <message>
        <source>GA</source>
        <translation>GA</translation>
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
        <translation>Interpretation</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>A fetal monitor&apos;s export: CSV (time_s, fhr_bpm, toco) or PhysioNet WFDB (.hea)</source>
        <translation>A fetal monitor&apos;s export: CSV (time_s, fhr_bpm, toco) or PhysioNet WFDB (.hea)</translation>
    </message>
    <message>
        <source>Open a woman&apos;s chart with a current pregnancy to see and import her fetal heart traces.</source>
        <translation>Open a woman&apos;s chart with a current pregnancy to see and import her fetal heart traces.</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>not yet interpreted</source>
        <translation>not yet interpreted</translation>
    </message>
    <message>
        <source>signed by %1</source>
        <translation>signed by %1</translation>
    </message>
    <message>
        <source>No fetal heart traces yet. Import a monitor&apos;s file to read it on CTG paper.</source>
        <translation>No fetal heart traces yet. Import a monitor&apos;s file to read it on CTG paper.</translation>
    </message>
    <message numerus="yes">
        <source>%n trace(s)</source>
        <translation>
            <numerusform>%n trace</numerusform>
            <numerusform>%n traces</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pathological or category III</source>
        <translation>
            <numerusform>%n pathological or category III</numerusform>
            <numerusform>%n pathological or category III</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — samples still at the regional center</source>
        <translation>%1 — samples still at the regional center</translation>
    </message>
    <message>
        <source>Opening the trace fetches its samples from the regional center.</source>
        <translation>Opening the trace fetches its samples from the regional center.</translation>
    </message>
    <message numerus="yes">
        <source>%n to fetch from the regional center</source>
        <translation>
            <numerusform>%n to fetch from the regional center</numerusform>
            <numerusform>%n to fetch from the regional center</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CtgViewer</name>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Save &amp;draft</source>
        <translation>Save &amp;draft</translation>
    </message>
    <message>
        <source>&amp;Sign…</source>
        <translation>&amp;Sign…</translation>
    </message>
    <message>
        <source>Fetal heart trace (CTG)</source>
        <translation>Fetal heart trace (CTG)</translation>
    </message>
    <message>
        <source>%1 cm/min</source>
        <translation>%1 cm/min</translation>
    </message>
    <message>
        <source>Chart speed (走纸速度): centimetres of paper per minute, at true size on this screen</source>
        <translation>Chart speed (走纸速度): centimetres of paper per minute, at true size on this screen</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duration</translation>
    </message>
    <message>
        <source>Depth / height</source>
        <translation>Depth / height</translation>
    </message>
    <message>
        <source>Annotation</source>
        <translation>Annotation</translation>
    </message>
    <message>
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Interpretation (判读): baseline, variability, accelerations, decelerations, classification and what is to be done</source>
        <translation>Interpretation (判读): baseline, variability, accelerations, decelerations, classification and what is to be done</translation>
    </message>
    <message>
        <source>Zoom out (−, Ctrl+wheel)</source>
        <translation>Zoom out (−, Ctrl+wheel)</translation>
    </message>
    <message>
        <source>Zoom in (+, Ctrl+wheel)</source>
        <translation>Zoom in (+, Ctrl+wheel)</translation>
    </message>
    <message>
        <source>Paper scale</source>
        <translation>Paper scale</translation>
    </message>
    <message>
        <source>Back to the true paper scale (0)</source>
        <translation>Back to the true paper scale (0)</translation>
    </message>
    <message>
        <source>&amp;Print / PDF…</source>
        <translation>&amp;Print / PDF…</translation>
    </message>
    <message>
        <source>The whole trace on A4 at the chosen chart speed, 1 cm of paper per cm</source>
        <translation>The whole trace on A4 at the chosen chart speed, 1 cm of paper per cm</translation>
    </message>
    <message>
        <source>FIGO:</source>
        <translation>FIGO:</translation>
    </message>
    <message>
        <source>NICHD:</source>
        <translation>NICHD:</translation>
    </message>
    <message>
        <source>Chart speed:</source>
        <translation>Chart speed:</translation>
    </message>
    <message>
        <source>Drag or scroll to move along the trace; click an event to select it; double-click the paper to annotate that moment.</source>
        <translation>Drag or scroll to move along the trace; click an event to select it; double-click the paper to annotate that moment.</translation>
    </message>
    <message>
        <source>Detected events</source>
        <translation>Detected events</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>Annotations</translation>
    </message>
    <message>
        <source>&amp;Annotate…</source>
        <translation>&amp;Annotate…</translation>
    </message>
    <message>
        <source>A note at the middle of the paper shown (or double-click the paper)</source>
        <translation>A note at the middle of the paper shown (or double-click the paper)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Remove</translation>
    </message>
    <message>
        <source>Interpretation (判读)</source>
        <translation>Interpretation (判读)</translation>
    </message>
    <message>
        <source>Analysing the trace…</source>
        <translation>Analysing the trace…</translation>
    </message>
    <message>
        <source>Fetal heart trace (CTG) — %1</source>
        <translation>Fetal heart trace (CTG) — %1</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>baseline %1 bpm</source>
        <translation>baseline %1 bpm</translation>
    </message>
    <message numerus="yes">
        <source>%n acceleration(s)</source>
        <translation>
            <numerusform>%n acceleration</numerusform>
            <numerusform>%n accelerations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n deceleration(s)</source>
        <translation>
            <numerusform>%n deceleration</numerusform>
            <numerusform>%n decelerations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n contraction(s)</source>
        <translation>
            <numerusform>%n contraction</numerusform>
            <numerusform>%n contractions</numerusform>
        </translation>
    </message>
    <message>
        <source>NST reactive</source>
        <translation>NST reactive</translation>
    </message>
    <message>
        <source>NST non-reactive</source>
        <translation>NST non-reactive</translation>
    </message>
    <message>
        <source>signal lost %1%</source>
        <translation>signal lost %1%</translation>
    </message>
    <message>
        <source>%1 units</source>
        <translation>%1 units</translation>
    </message>
    <message>
        <source>%1 bpm</source>
        <translation>%1 bpm</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Signed by %1, %2&lt;/b&gt; (read-only)&lt;br&gt;%3&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Signed by %1, %2&lt;/b&gt; (read-only)&lt;br&gt;%3&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Signed interpretations stay as they are; write here to add another.</source>
        <translation>Signed interpretations stay as they are; write here to add another.</translation>
    </message>
    <message>
        <source>True paper scale: %1 cm/min, %2 bpm/cm (screen %3 dpi)</source>
        <translation>True paper scale: %1 cm/min, %2 bpm/cm (screen %3 dpi)</translation>
    </message>
    <message>
        <source>Zoomed %1% — not paper scale</source>
        <translation>Zoomed %1% — not paper scale</translation>
    </message>
    <message>
        <source>Annotate the trace</source>
        <translation>Annotate the trace</translation>
    </message>
    <message>
        <source>Note at %1:</source>
        <translation>Note at %1:</translation>
    </message>
    <message>
        <source>Draft saved.</source>
        <translation>Draft saved.</translation>
    </message>
    <message>
        <source>Write the interpretation before signing it.</source>
        <translation>Write the interpretation before signing it.</translation>
    </message>
    <message>
        <source>Sign the interpretation</source>
        <translation>Sign the interpretation</translation>
    </message>
    <message>
        <source>Sign this interpretation as %1? Once signed it cannot be changed.</source>
        <translation>Sign this interpretation as %1? Once signed it cannot be changed.</translation>
    </message>
    <message>
        <source>Interpretation signed.</source>
        <translation>Interpretation signed.</translation>
    </message>
    <message>
        <source>ctg-%1.pdf</source>
        <translation>ctg-%1.pdf</translation>
    </message>
    <message>
        <source>Print the trace to PDF</source>
        <translation>Print the trace to PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) written at paper scale.</source>
        <translation>
            <numerusform>%n page written at paper scale.</numerusform>
            <numerusform>%n pages written at paper scale.</numerusform>
        </translation>
    </message>
    <message>
        <source>trustworthy signal %1%</source>
        <translation>trustworthy signal %1%</translation>
    </message>
    <message>
        <source>%1–%2 (%3)</source>
        <translation>%1–%2 (%3)</translation>
    </message>
    <message>
        <source>⚠ Signal may be maternal: the FHR follows the recorded maternal heart rate at %1. Those stretches are left out of the analysis; reposition the transducer and confirm the fetal heart.</source>
        <translation>⚠ Signal may be maternal: the FHR follows the recorded maternal heart rate at %1. Those stretches are left out of the analysis; reposition the transducer and confirm the fetal heart.</translation>
    </message>
    <message>
        <source>⚠ Signal may be maternal at %1: check the maternal pulse against the fetal heart (auscultation or ultrasound) before acting on the trace there.</source>
        <translation>⚠ Signal may be maternal at %1: check the maternal pulse against the fetal heart (auscultation or ultrasound) before acting on the trace there.</translation>
    </message>
</context>
<context>
    <name>CtgWorkbench</name>
    <message>
        <source>FIGO pathological</source>
        <translation>FIGO pathological</translation>
    </message>
    <message>
        <source>NICHD category III</source>
        <translation>NICHD category III</translation>
    </message>
    <message>
        <source>Import a fetal heart trace</source>
        <translation>Import a fetal heart trace</translation>
    </message>
    <message>
        <source>Fetal monitor files (*.csv *.hea);;CSV (*.csv);;PhysioNet WFDB header (*.hea)</source>
        <translation>Fetal monitor files (*.csv *.hea);;CSV (*.csv);;PhysioNet WFDB header (*.hea)</translation>
    </message>
    <message>
        <source>Reading and analysing %1…</source>
        <translation>Reading and analysing %1…</translation>
    </message>
    <message>
        <source>%1 was not imported: %2</source>
        <translation>%1 was not imported: %2</translation>
    </message>
    <message>
        <source>CTG %1: %2</source>
        <translation>CTG %1: %2</translation>
    </message>
    <message>
        <source>%1 — not yet interpreted</source>
        <translation>%1 — not yet interpreted</translation>
    </message>
    <message>
        <source>Fetal heart trace (CTG) %1: %2</source>
        <translation>Fetal heart trace (CTG) %1: %2</translation>
    </message>
</context>
<context>
    <name>DashboardListDialog</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Record no.</source>
        <translation>Record no.</translation>
    </message>
    <message>
        <source>Risk color</source>
        <translation>Risk color</translation>
    </message>
    <message>
        <source>Responsible nurse</source>
        <translation>Responsible nurse</translation>
    </message>
    <message>
        <source>&amp;Open her chart</source>
        <translation>&amp;Open her chart</translation>
    </message>
    <message numerus="yes">
        <source>%n woman/women. Double-click a row to open her chart.</source>
        <translation>
            <numerusform>%n woman/women. Double-click a row to open her chart.</numerusform>
            <numerusform>%n woman/women. Double-click a row to open her chart.</numerusform>
        </translation>
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
    <name>DemoCtgTraces</name>
    <message>
        <source>Cannot list the demo pregnancies.</source>
        <translation>Cannot list the demo pregnancies.</translation>
    </message>
</context>
<context>
    <name>DemoDataGenerator</name>
    <message>
        <source>Rest, measure your blood pressure every day; come at once with a headache or blurred vision.</source>
        <translation>Rest, measure your blood pressure every day; come at once with a headache or blurred vision.</translation>
    </message>
    <message>
        <source>The baby is in breech position: we will check again at the next visit.</source>
        <translation>The baby is in breech position: we will check again at the next visit.</translation>
    </message>
</context>
<context>
    <name>DemoReferrals</name>
    <message>
        <source>High-risk obstetrics</source>
        <translation>High-risk obstetrics</translation>
    </message>
    <message>
        <source>Red grade: needs care at the regional center.</source>
        <translation>Red grade: needs care at the regional center.</translation>
    </message>
    <message>
        <source>Orange grade: assessment and delivery planning at the regional center.</source>
        <translation>Orange grade: assessment and delivery planning at the regional center.</translation>
    </message>
</context>
<context>
    <name>DemoStudyWriter</name>
    <message>
        <source>A demo study needs at least one instance, one frame and 16×16 pixels.</source>
        <translation>A demo study needs at least one instance, one frame and 16×16 pixels.</translation>
    </message>
    <message>
        <source>The folder %1 cannot be created.</source>
        <translation>The folder %1 cannot be created.</translation>
    </message>
    <message>
        <source>The demo file %1 cannot be written (%2).</source>
        <translation>The demo file %1 cannot be written (%2).</translation>
    </message>
    <message>
        <source>Demo^Li Na</source>
        <translation>Demo^Li Na</translation>
    </message>
    <message>
        <source>Second-trimester anomaly scan</source>
        <translation>Second-trimester anomaly scan</translation>
    </message>
    <message>
        <source>Demo^Wang Fang</source>
        <translation>Demo^Wang Fang</translation>
    </message>
    <message>
        <source>Growth scan</source>
        <translation>Growth scan</translation>
    </message>
    <message>
        <source>Demo^Zhang Min</source>
        <translation>Demo^Zhang Min</translation>
    </message>
    <message>
        <source>Dating scan</source>
        <translation>Dating scan</translation>
    </message>
    <message>
        <source>Demo^Liu Yang</source>
        <translation>Demo^Liu Yang</translation>
    </message>
    <message>
        <source>Nuchal translucency scan</source>
        <translation>Nuchal translucency scan</translation>
    </message>
    <message>
        <source>Demo^Chen Jing</source>
        <translation>Demo^Chen Jing</translation>
    </message>
    <message>
        <source>Third-trimester growth scan</source>
        <translation>Third-trimester growth scan</translation>
    </message>
</context>
<context>
    <name>DicomFile</name>
    <message>
        <source>The file %1 does not exist.</source>
        <translation>The file %1 does not exist.</translation>
    </message>
    <message numerus="yes">
        <source>Frame %1 does not exist: the file has %n frame(s), numbered from 0.</source>
        <translation>
            <numerusform>Frame %1 does not exist: the file has %n frame, numbered from 0.</numerusform>
            <numerusform>Frame %1 does not exist: the file has %n frames, numbered from 0.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not enough memory to read %1.</source>
        <translation>Not enough memory to read %1.</translation>
    </message>
    <message>
        <source>%1 is not a readable DICOM file (%2).</source>
        <translation>%1 is not a readable DICOM file (%2).</translation>
    </message>
    <message>
        <source>%1 is not a file.</source>
        <translation>%1 is not a file.</translation>
    </message>
    <message>
        <source>The file %1 cannot be read (no permission).</source>
        <translation>The file %1 cannot be read (no permission).</translation>
    </message>
    <message>
        <source>The file %1 is empty.</source>
        <translation>The file %1 is empty.</translation>
    </message>
    <message>
        <source>%1 is not a DICOM file.</source>
        <translation>%1 is not a DICOM file.</translation>
    </message>
    <message>
        <source>The header of %1 cannot be read.</source>
        <translation>The header of %1 cannot be read.</translation>
    </message>
    <message>
        <source>Not enough memory to display frame %1.</source>
        <translation>Not enough memory to display frame %1.</translation>
    </message>
    <message>
        <source>Frame %1 cannot be displayed.</source>
        <translation>Frame %1 cannot be displayed.</translation>
    </message>
    <message>
        <source>The pixel data is not encapsulated.</source>
        <translation>The pixel data is not encapsulated.</translation>
    </message>
    <message>
        <source>Frame %1 has no compressed data.</source>
        <translation>Frame %1 has no compressed data.</translation>
    </message>
</context>
<context>
    <name>DicomReceiver</name>
    <message>
        <source>The AE title must have 1 to 16 characters.</source>
        <translation>The AE title must have 1 to 16 characters.</translation>
    </message>
    <message>
        <source>The DICOM port must be between 1 and 65535.</source>
        <translation>The DICOM port must be between 1 and 65535.</translation>
    </message>
    <message>
        <source>The inbox folder %1 cannot be created.</source>
        <translation>The inbox folder %1 cannot be created.</translation>
    </message>
    <message>
        <source>The DICOM receiver cannot be configured (%1).</source>
        <translation>The DICOM receiver cannot be configured (%1).</translation>
    </message>
    <message>
        <source>The DICOM receiver cannot listen on port %1 (%2).</source>
        <translation>The DICOM receiver cannot listen on port %1 (%2).</translation>
    </message>
</context>
<context>
    <name>DicomTagTree</name>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
    <message>
        <source>Item %1</source>
        <translation>Item %1</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n byte</numerusform>
            <numerusform>%n bytes</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is not a readable DICOM file (%2).</source>
        <translation>%1 is not a readable DICOM file (%2).</translation>
    </message>
</context>
<context>
    <name>DicomViewer</name>
    <message>
        <source>DICOM ultrasound viewer</source>
        <translation>DICOM ultrasound viewer</translation>
    </message>
    <message>
        <source>Studies and series</source>
        <translation>Studies and series</translation>
    </message>
    <message>
        <source>Fetal biometry</source>
        <translation>Fetal biometry</translation>
    </message>
    <message>
        <source>DICOM tags</source>
        <translation>DICOM tags</translation>
    </message>
    <message>
        <source>Draw %1 inside the calibrated area (dashed outline).</source>
        <translation>Draw %1 inside the calibrated area (dashed outline).</translation>
    </message>
    <message>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <source>Playback speed, relative to the rate the machine acquired</source>
        <translation>Playback speed, relative to the rate the machine acquired</translation>
    </message>
    <message>
        <source>Speed:</source>
        <translation>Speed:</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Open DICOM files…</source>
        <translation>&amp;Open DICOM files…</translation>
    </message>
    <message>
        <source>Open a &amp;folder…</source>
        <translation>Open a &amp;folder…</translation>
    </message>
    <message>
        <source>&amp;Close viewer</source>
        <translation>&amp;Close viewer</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>Tools</translation>
    </message>
    <message>
        <source>Window/level</source>
        <translation>Window/level</translation>
    </message>
    <message>
        <source>Drag: left/right changes contrast, up/down brightness (right button always)</source>
        <translation>Drag: left/right changes contrast, up/down brightness (right button always)</translation>
    </message>
    <message>
        <source>Pan</source>
        <translation>Pan</translation>
    </message>
    <message>
        <source>Drag to move the image (middle button always); wheel zooms</source>
        <translation>Drag to move the image (middle button always); wheel zooms</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>Distance</translation>
    </message>
    <message>
        <source>Drag from one calliper to the other</source>
        <translation>Drag from one calliper to the other</translation>
    </message>
    <message>
        <source>Ellipse</source>
        <translation>Ellipse</translation>
    </message>
    <message>
        <source>Drag along one axis, move to fit the outline, click: circumference and area</source>
        <translation>Drag along one axis, move to fit the outline, click: circumference and area</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <source>&amp;Clear measurements</source>
        <translation>&amp;Clear measurements</translation>
    </message>
    <message>
        <source>Window/level presets</source>
        <translation>Window/level presets</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Reset window/level</source>
        <translation>&amp;Reset window/level</translation>
    </message>
    <message>
        <source>&amp;Invert</source>
        <translation>&amp;Invert</translation>
    </message>
    <message>
        <source>&amp;Fit to window</source>
        <translation>&amp;Fit to window</translation>
    </message>
    <message>
        <source>&amp;1:1 (actual pixels)</source>
        <translation>&amp;1:1 (actual pixels)</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>Zoom &amp;in</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>Zoom &amp;out</translation>
    </message>
    <message>
        <source>&amp;Cine</source>
        <translation>&amp;Cine</translation>
    </message>
    <message>
        <source>&amp;Play / pause</source>
        <translation>&amp;Play / pause</translation>
    </message>
    <message>
        <source>&amp;Next frame</source>
        <translation>&amp;Next frame</translation>
    </message>
    <message>
        <source>P&amp;revious frame</source>
        <translation>P&amp;revious frame</translation>
    </message>
    <message>
        <source>&amp;First frame</source>
        <translation>&amp;First frame</translation>
    </message>
    <message>
        <source>&amp;Last frame</source>
        <translation>&amp;Last frame</translation>
    </message>
    <message>
        <source>Frame Time</source>
        <translation>Frame Time</translation>
    </message>
    <message>
        <source>Cine Rate</source>
        <translation>Cine Rate</translation>
    </message>
    <message>
        <source>rate not in the file, 30 fps assumed</source>
        <translation>rate not in the file, 30 fps assumed</translation>
    </message>
    <message>
        <source>%1 — DICOM ultrasound viewer</source>
        <translation>%1 — DICOM ultrasound viewer</translation>
    </message>
    <message>
        <source>This image carries no calibration: it can be viewed but not measured.</source>
        <translation>This image carries no calibration: it can be viewed but not measured.</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Play</translation>
    </message>
    <message>
        <source>Play or pause the loop (Space); ← → step one frame</source>
        <translation>Play or pause the loop (Space); ← → step one frame</translation>
    </message>
    <message>
        <source>Frame %1 / %2</source>
        <translation>Frame %1 / %2</translation>
    </message>
    <message>
        <source>%1 fps (%2)</source>
        <translation>%1 fps (%2)</translation>
    </message>
    <message>
        <source>ID %1</source>
        <translation>ID %1</translation>
    </message>
    <message>
        <source>Study %1</source>
        <translation>Study %1</translation>
    </message>
    <message>
        <source>Series %1</source>
        <translation>Series %1</translation>
    </message>
    <message>
        <source>Image %1</source>
        <translation>Image %1</translation>
    </message>
    <message>
        <source>Single frame</source>
        <translation>Single frame</translation>
    </message>
    <message>
        <source>Measurable inside the dashed area</source>
        <translation>Measurable inside the dashed area</translation>
    </message>
    <message>
        <source>Measured by Pixel Spacing (no ultrasound region)</source>
        <translation>Measured by Pixel Spacing (no ultrasound region)</translation>
    </message>
    <message>
        <source>Not calibrated: no measurements</source>
        <translation>Not calibrated: no measurements</translation>
    </message>
    <message>
        <source>W %1 L %2</source>
        <translation>W %1 L %2</translation>
    </message>
    <message>
        <source>Zoom %1%</source>
        <translation>Zoom %1%</translation>
    </message>
    <message>
        <source>Open DICOM files</source>
        <translation>Open DICOM files</translation>
    </message>
    <message>
        <source>DICOM files (*.dcm *.DCM *);;All files (*)</source>
        <translation>DICOM files (*.dcm *.DCM *);;All files (*)</translation>
    </message>
    <message>
        <source>Open a folder of DICOM files</source>
        <translation>Open a folder of DICOM files</translation>
    </message>
    <message>
        <source>&amp;Report…</source>
        <translation>&amp;Report…</translation>
    </message>
    <message>
        <source>Write and sign the ultrasound report of this study</source>
        <translation>Write and sign the ultrasound report of this study</translation>
    </message>
    <message>
        <source>Machine&apos;s measurements</source>
        <translation>Machine&apos;s measurements</translation>
    </message>
    <message>
        <source>The machine&apos;s values are in the biometry panel: check them, then save to the pregnancy.</source>
        <translation>The machine&apos;s values are in the biometry panel: check them, then save to the pregnancy.</translation>
    </message>
</context>
<context>
    <name>DicomWebClient</name>
    <message>
        <source>%1 is not a valid Study Instance UID.</source>
        <translation>%1 is not a valid Study Instance UID.</translation>
    </message>
    <message>
        <source>The PACS sent no study.</source>
        <translation>The PACS sent no study.</translation>
    </message>
    <message>
        <source>The PACS sent the study without any instance.</source>
        <translation>The PACS sent the study without any instance.</translation>
    </message>
    <message>
        <source>%1 is not a DICOM file that can be sent: %2</source>
        <translation>%1 is not a DICOM file that can be sent: %2</translation>
    </message>
    <message>
        <source>no valid SOP Instance UID</source>
        <translation>no valid SOP Instance UID</translation>
    </message>
    <message>
        <source>%1 cannot be read.</source>
        <translation>%1 cannot be read.</translation>
    </message>
    <message>
        <source>The PACS did not accept %1.</source>
        <translation>The PACS did not accept %1.</translation>
    </message>
</context>
<context>
    <name>EncapsulatedFrames</name>
    <message>
        <source>The compressed pixel data holds %1 fragments for %2 frames.</source>
        <translation>The compressed pixel data holds %1 fragments for %2 frames.</translation>
    </message>
    <message>
        <source>Fragment %1 of the compressed pixel data is unreadable.</source>
        <translation>Fragment %1 of the compressed pixel data is unreadable.</translation>
    </message>
    <message>
        <source>The frames of the compressed pixel data cannot be told apart: %1 frames announced, %2 found.</source>
        <translation>The frames of the compressed pixel data cannot be told apart: %1 frames announced, %2 found.</translation>
    </message>
    <message>
        <source>Frame %1 is not in the compressed pixel data.</source>
        <translation>Frame %1 is not in the compressed pixel data.</translation>
    </message>
    <message>
        <source>Frame %1 cannot be read from the file.</source>
        <translation>Frame %1 cannot be read from the file.</translation>
    </message>
</context>
<context>
    <name>EvidenceText</name>
    <message>
        <source>Age</source>
        <translation>Age</translation>
    </message>
    <message>
        <source>BMI</source>
        <translation>BMI</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>Height</translation>
    </message>
    <message>
        <source>Hb</source>
        <translation>Hb</translation>
    </message>
    <message>
        <source>PLT</source>
        <translation>PLT</translation>
    </message>
    <message>
        <source>Creatinine</source>
        <translation>Creatinine</translation>
    </message>
    <message>
        <source>Fetuses</source>
        <translation>Fetuses</translation>
    </message>
    <message>
        <source>Uterine operations</source>
        <translation>Uterine operations</translation>
    </message>
    <message>
        <source>Since the last uterine operation</source>
        <translation>Since the last uterine operation</translation>
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
        <source>Visits with BP ≥140/90</source>
        <translation>Visits with BP ≥140/90</translation>
    </message>
    <message>
        <source>Visits with BP ≥160/110</source>
        <translation>Visits with BP ≥160/110</translation>
    </message>
    <message>
        <source>Malpresentation at ≥36 weeks</source>
        <translation>Malpresentation at ≥36 weeks</translation>
    </message>
    <message>
        <source>ticked by a clinician</source>
        <translation>ticked by a clinician</translation>
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
        <source>%1 years</source>
        <translation>%1 years</translation>
    </message>
    <message>
        <source>%1 months</source>
        <translation>%1 months</translation>
    </message>
    <message>
        <source>Booking record %1: %2</source>
        <translation>Booking record %1: %2</translation>
    </message>
    <message>
        <source>Visit %1: %2</source>
        <translation>Visit %1: %2</translation>
    </message>
    <message>
        <source>Lab %1: %2</source>
        <translation>Lab %1: %2</translation>
    </message>
    <message>
        <source>Ticked finding %1 by %2</source>
        <translation>Ticked finding %1 by %2</translation>
    </message>
    <message>
        <source>Screening %1 by %2</source>
        <translation>Screening %1 by %2</translation>
    </message>
    <message>
        <source>Screening %1 by %2: %3</source>
        <translation>Screening %1 by %2: %3</translation>
    </message>
</context>
<context>
    <name>FetalGrowth</name>
    <message>
        <source>%1 (outside the standard&apos;s weeks)</source>
        <translation>%1 (outside the standard&apos;s weeks)</translation>
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
        <translation>The growth standard whose centiles the scans are plotted on</translation>
    </message>
    <message>
        <source>Exam date</source>
        <translation>Exam date</translation>
    </message>
    <message>
        <source>GA by dates</source>
        <translation>GA by dates</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Findings</translation>
    </message>
    <message>
        <source>&lt;b&gt;Fetal growth&lt;/b&gt;</source>
        <translation>&lt;b&gt;Fetal growth&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&amp;Standard:</source>
        <translation>&amp;Standard:</translation>
    </message>
    <message>
        <source>No scan to chart yet.</source>
        <translation>No scan to chart yet.</translation>
    </message>
    <message>
        <source>Latest scan: no SGA, FGR or LGA finding by %1.</source>
        <translation>Latest scan: no SGA, FGR or LGA finding by %1.</translation>
    </message>
    <message>
        <source>Listed on the Risk tab for the clinician to weigh; the grade is not changed by it.</source>
        <translation>Listed on the Risk tab for the clinician to weigh; the grade is not changed by it.</translation>
    </message>
    <message>
        <source>no dating</source>
        <translation>no dating</translation>
    </message>
    <message>
        <source>z %1</source>
        <translation>z %1</translation>
    </message>
    <message>
        <source>%1 (%2) by gestational age</source>
        <translation>%1 (%2) by gestational age</translation>
    </message>
    <message>
        <source>Gestational age (weeks)</source>
        <translation>Gestational age (weeks)</translation>
    </message>
    <message>
        <source>expected size</source>
        <translation>expected size</translation>
    </message>
    <message>
        <source>%1. EFW by %2.</source>
        <translation>%1. EFW by %2.</translation>
    </message>
    <message>
        <source>%1. This standard gives only the expected size for dates, no centiles.</source>
        <translation>%1. This standard gives only the expected size for dates, no centiles.</translation>
    </message>
    <message>
        <source>this pregnancy</source>
        <translation>this pregnancy</translation>
    </message>
    <message>
        <source>outside P%1–P%2</source>
        <translation>outside P%1–P%2</translation>
    </message>
    <message numerus="yes">
        <source>%n fetuses: these standards are for singletons, and the exams are not told apart by fetus. Judge each fetus&apos;s growth on its own measurements.</source>
        <translation>
            <numerusform>%n fetus: these standards are for singletons, and the exams are not told apart by fetus. Judge each fetus&apos;s growth on its own measurements.</numerusform>
            <numerusform>%n fetuses: these standards are for singletons, and the exams are not told apart by fetus. Judge each fetus&apos;s growth on its own measurements.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FhirApi</name>
    <message>
        <source>The FHIR endpoints are read-only: use GET.</source>
        <translation>The FHIR endpoints are read-only: use GET.</translation>
    </message>
    <message>
        <source>Not logged in.</source>
        <translation>Not logged in.</translation>
    </message>
    <message>
        <source>There is no CodeSystem %1.</source>
        <translation>There is no CodeSystem %1.</translation>
    </message>
    <message>
        <source>This server does not serve %1.</source>
        <translation>This server does not serve %1.</translation>
    </message>
    <message>
        <source>There is no %1 with the id %2 that you may read.</source>
        <translation>There is no %1 with the id %2 that you may read.</translation>
    </message>
</context>
<context>
    <name>FhirCapability</name>
    <message>
        <source>The resource id.</source>
        <translation>The resource id.</translation>
    </message>
    <message>
        <source>Resources per page (default 50, at most 500).</source>
        <translation>Resources per page (default 50, at most 500).</translation>
    </message>
    <message>
        <source>The opaque cursor of a next link.</source>
        <translation>The opaque cursor of a next link.</translation>
    </message>
    <message>
        <source>The national ID or record number, as system|value or value.</source>
        <translation>The national ID or record number, as system|value or value.</translation>
    </message>
    <message>
        <source>The woman, as Patient/ID.</source>
        <translation>The woman, as Patient/ID.</translation>
    </message>
    <message>
        <source>ObsLink regional center, read-only FHIR R4</source>
        <translation>ObsLink regional center, read-only FHIR R4</translation>
    </message>
    <message>
        <source>HTTPS only. A bearer access token from POST /api/v1/login; a clinic&apos;s users read the women registered at or referred to their clinic, the platform role and the center&apos;s staff read the region.</source>
        <translation>HTTPS only. A bearer access token from POST /api/v1/login; a clinic&apos;s users read the women registered at or referred to their clinic, the platform role and the center&apos;s staff read the region.</translation>
    </message>
</context>
<context>
    <name>FhirCodes</name>
    <message>
        <source>The FHIR code table %1 cannot be read.</source>
        <translation>The FHIR code table %1 cannot be read.</translation>
    </message>
    <message>
        <source>The FHIR code table is not valid JSON: %1.</source>
        <translation>The FHIR code table is not valid JSON: %1.</translation>
    </message>
    <message>
        <source>The FHIR code table names no system &quot;%1&quot;.</source>
        <translation>The FHIR code table names no system &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The FHIR code &quot;%1&quot; in %2 has no display text.</source>
        <translation>The FHIR code &quot;%1&quot; in %2 has no display text.</translation>
    </message>
    <message>
        <source>The FHIR code table lacks &quot;%1&quot; in %2.</source>
        <translation>The FHIR code table lacks &quot;%1&quot; in %2.</translation>
    </message>
    <message>
        <source>The FHIR code table lacks the qualitative, episode or report codes.</source>
        <translation>The FHIR code table lacks the qualitative, episode or report codes.</translation>
    </message>
</context>
<context>
    <name>FhirMapper</name>
    <message>
        <source>Pregnancy %1</source>
        <translation>Pregnancy %1</translation>
    </message>
    <message>
        <source>Baseline fetal heart rate</source>
        <translation>Baseline fetal heart rate</translation>
    </message>
    <message>
        <source>FIGO 2015 classification</source>
        <translation>FIGO 2015 classification</translation>
    </message>
    <message>
        <source>Obstetric ultrasound</source>
        <translation>Obstetric ultrasound</translation>
    </message>
</context>
<context>
    <name>FhirRecordExport</name>
    <message>
        <source>The clinic database cannot be read: %1</source>
        <translation>The clinic database cannot be read: %1</translation>
    </message>
    <message>
        <source>There is no database file %1.</source>
        <translation>There is no database file %1.</translation>
    </message>
    <message>
        <source>The clinic database cannot be opened: %1</source>
        <translation>The clinic database cannot be opened: %1</translation>
    </message>
    <message>
        <source>There is no woman with the id %1 in this database.</source>
        <translation>There is no woman with the id %1 in this database.</translation>
    </message>
</context>
<context>
    <name>FhirSearch</name>
    <message>
        <source>This server does not serve %1 resources.</source>
        <translation>This server does not serve %1 resources.</translation>
    </message>
    <message>
        <source>_count must be a positive whole number.</source>
        <translation>_count must be a positive whole number.</translation>
    </message>
    <message>
        <source>The page link is not one this server issued.</source>
        <translation>The page link is not one this server issued.</translation>
    </message>
    <message>
        <source>_id is not a valid resource id.</source>
        <translation>_id is not a valid resource id.</translation>
    </message>
    <message>
        <source>%1 must name a patient as Patient/ID.</source>
        <translation>%1 must name a patient as Patient/ID.</translation>
    </message>
    <message>
        <source>identifier needs a value (system|value).</source>
        <translation>identifier needs a value (system|value).</translation>
    </message>
    <message>
        <source>This server speaks FHIR JSON only.</source>
        <translation>This server speaks FHIR JSON only.</translation>
    </message>
    <message>
        <source>The search parameter &quot;%1&quot; is not supported for %2.</source>
        <translation>The search parameter &quot;%1&quot; is not supported for %2.</translation>
    </message>
</context>
<context>
    <name>FindingsDialog</name>
    <message>
        <source>Color</source>
        <translation>Color</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Show only items that apply or are suggested</source>
        <translation>Show only items that apply or are suggested</translation>
    </message>
    <message>
        <source>Risk assessment form (评估) — %1</source>
        <translation>Risk assessment form (评估) — %1</translation>
    </message>
    <message>
        <source>Item (tick what you found)</source>
        <translation>Item (tick what you found)</translation>
    </message>
    <message>
        <source>From the record / to confirm</source>
        <translation>From the record / to confirm</translation>
    </message>
    <message>
        <source>Computed from the record: does not apply now</source>
        <translation>Computed from the record: does not apply now</translation>
    </message>
    <message>
        <source>From the record: %1</source>
        <translation>From the record: %1</translation>
    </message>
    <message>
        <source>Suggested, please confirm: %1</source>
        <translation>Suggested, please confirm: %1</translation>
    </message>
    <message>
        <source>Suggested by the screening: %1</source>
        <translation>Suggested by the screening: %1</translation>
    </message>
    <message>
        <source>Tick what you found. Blue rows are computed from the data already entered (from the record); highlighted rows are suggested by the data or the screening and count only once you tick them. The grade is proposed from both and decided by you.</source>
        <translation>Tick what you found. Blue rows are computed from the data already entered (from the record); highlighted rows are suggested by the data or the screening and count only once you tick them. The grade is proposed from both and decided by you.</translation>
    </message>
    <message>
        <source>Save findings</source>
        <translation>Save findings</translation>
    </message>
    <message>
        <source>From the record: %1 · Suggested, still to confirm: %2 · Ticked: %3</source>
        <translation>From the record: %1 · Suggested, still to confirm: %2 · Ticked: %3</translation>
    </message>
    <message>
        <source>Find an item by words, pinyin or id (e.g. 心肌病, xjb, anaemia, red.1.1)</source>
        <translation>Find an item by words, pinyin or id (e.g. 心肌病, xjb, anaemia, red.1.1)</translation>
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
    <name>FormFields</name>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
</context>
<context>
    <name>FractionalPolynomial</name>
    <message>
        <source>%1: an equation needs &quot;terms&quot;, each [coefficient, power, power of ln], all numbers.</source>
        <translation>%1: an equation needs &quot;terms&quot;, each [coefficient, power, power of ln], all numbers.</translation>
    </message>
</context>
<context>
    <name>FrameRenderer</name>
    <message>
        <source>Not enough memory to display frame %1.</source>
        <translation>Not enough memory to display frame %1.</translation>
    </message>
    <message>
        <source>Frame %1 uses an encoding that cannot be displayed (%2).</source>
        <translation>Frame %1 uses an encoding that cannot be displayed (%2).</translation>
    </message>
    <message>
        <source>Frame %1 cannot be displayed (%2).</source>
        <translation>Frame %1 cannot be displayed (%2).</translation>
    </message>
    <message>
        <source>Frame %1 cannot be selected.</source>
        <translation>Frame %1 cannot be selected.</translation>
    </message>
    <message>
        <source>Frame %1 cannot be rendered.</source>
        <translation>Frame %1 cannot be rendered.</translation>
    </message>
    <message>
        <source>Frame %1 cannot be displayed (attributes missing).</source>
        <translation>Frame %1 cannot be displayed (attributes missing).</translation>
    </message>
    <message>
        <source>Frame %1 cannot be decoded (%2).</source>
        <translation>Frame %1 cannot be decoded (%2).</translation>
    </message>
    <message>
        <source>A JPEG 2000 frame with %1 components cannot be displayed.</source>
        <translation>A JPEG 2000 frame with %1 components cannot be displayed.</translation>
    </message>
</context>
<context>
    <name>GradingService</name>
    <message>
        <source>There is no pregnancy to grade.</source>
        <translation>There is no pregnancy to grade.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a grade of the active rule set.</source>
        <translation>&quot;%1&quot; is not a grade of the active rule set.</translation>
    </message>
    <message>
        <source>A grade is decided by a named clinician.</source>
        <translation>A grade is decided by a named clinician.</translation>
    </message>
    <message>
        <source>Give the reason for grading differently from the proposal.</source>
        <translation>Give the reason for grading differently from the proposal.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a finding of the active rule set.</source>
        <translation>&quot;%1&quot; is not a finding of the active rule set.</translation>
    </message>
</context>
<context>
    <name>GrowthCurve</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>every curve cites its source.</source>
        <translation>every curve cites its source.</translation>
    </message>
    <message>
        <source>&quot;weeks&quot; is [first, last] gestational week.</source>
        <translation>&quot;weeks&quot; is [first, last] gestational week.</translation>
    </message>
    <message>
        <source>the weeks must lie between 8 and 44, first before last.</source>
        <translation>the weeks must lie between 8 and 44, first before last.</translation>
    </message>
    <message>
        <source>&quot;centiles&quot; rise strictly between 0 and 100.</source>
        <translation>&quot;centiles&quot; rise strictly between 0 and 100.</translation>
    </message>
    <message>
        <source>a centile table prints at least two centiles.</source>
        <translation>a centile table prints at least two centiles.</translation>
    </message>
    <message>
        <source>each row is its week and one number per centile.</source>
        <translation>each row is its week and one number per centile.</translation>
    </message>
    <message>
        <source>the row for week %1 does not rise with the centile.</source>
        <translation>the row for week %1 does not rise with the centile.</translation>
    </message>
    <message>
        <source>the rows follow one another week by week.</source>
        <translation>the rows follow one another week by week.</translation>
    </message>
    <message>
        <source>the rows cover the weeks of the curve.</source>
        <translation>the rows cover the weeks of the curve.</translation>
    </message>
    <message>
        <source>unknown model &quot;%1&quot;.</source>
        <translation>unknown model &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>%1: the median does not grow with gestational age at %2 weeks: check the coefficients.</source>
        <translation>%1: the median does not grow with gestational age at %2 weeks: check the coefficients.</translation>
    </message>
    <message>
        <source>%1: the centiles are not in order at %2 weeks: check the coefficients.</source>
        <translation>%1: the centiles are not in order at %2 weeks: check the coefficients.</translation>
    </message>
</context>
<context>
    <name>GrowthFinding</name>
    <message>
        <source>Small for gestational age (SGA)</source>
        <translation>Small for gestational age (SGA)</translation>
    </message>
    <message>
        <source>Fetal growth restriction (FGR)</source>
        <translation>Fetal growth restriction (FGR)</translation>
    </message>
    <message>
        <source>Large for gestational age (LGA)</source>
        <translation>Large for gestational age (LGA)</translation>
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
        <translation>%1 g</translation>
    </message>
    <message>
        <source>%1 mm</source>
        <translation>%1 mm</translation>
    </message>
    <message>
        <source>%1 %2 on %3 (%4) is at %5 of %6.</source>
        <translation>%1 %2 on %3 (%4) is at %5 of %6.</translation>
    </message>
    <message numerus="yes">
        <source>%1 It was at %2 on %3 (%4): %n major centile(s) crossed downwards.</source>
        <translation>
            <numerusform>%1 It was at %2 on %3 (%4): %n major centile crossed downwards.</numerusform>
            <numerusform>%1 It was at %2 on %3 (%4): %n major centiles crossed downwards.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2 %3 at %4</source>
        <translation>%1: %2 %3 at %4</translation>
    </message>
</context>
<context>
    <name>GrowthFindingRules</name>
    <message>
        <source>Growth finding rules: %1</source>
        <translation>Growth finding rules: %1</translation>
    </message>
    <message>
        <source>the rules cite their source.</source>
        <translation>the rules cite their source.</translation>
    </message>
    <message>
        <source>unknown measure &quot;%1&quot;.</source>
        <translation>unknown measure &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>no measure is judged.</source>
        <translation>no measure is judged.</translation>
    </message>
    <message>
        <source>the centile limits lie between 0 and 100, FGR below SGA below LGA.</source>
        <translation>the centile limits lie between 0 and 100, FGR below SGA below LGA.</translation>
    </message>
    <message>
        <source>the major centiles rise between 0 and 100.</source>
        <translation>the major centiles rise between 0 and 100.</translation>
    </message>
    <message>
        <source>&quot;fgrCrossedCentiles&quot; is at least 1 and fewer than the major centiles.</source>
        <translation>&quot;fgrCrossedCentiles&quot; is at least 1 and fewer than the major centiles.</translation>
    </message>
</context>
<context>
    <name>GrowthMeasures</name>
    <message>
        <source>Estimated fetal weight</source>
        <translation>Estimated fetal weight</translation>
    </message>
</context>
<context>
    <name>GrowthStandard</name>
    <message>
        <source>There is no growth standard &quot;%1&quot;.</source>
        <translation>There is no growth standard &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The growth standard %1 cannot be read.</source>
        <translation>The growth standard %1 cannot be read.</translation>
    </message>
    <message>
        <source>The growth standard is not valid JSON: %1</source>
        <translation>The growth standard is not valid JSON: %1</translation>
    </message>
    <message>
        <source>A growth standard needs an &quot;id&quot; and a &quot;name&quot;.</source>
        <translation>A growth standard needs an &quot;id&quot; and a &quot;name&quot;.</translation>
    </message>
    <message>
        <source>%1: &quot;efwFormula&quot; is &quot;intergrowth-2017&quot; or &quot;hadlock-1985&quot;.</source>
        <translation>%1: &quot;efwFormula&quot; is &quot;intergrowth-2017&quot; or &quot;hadlock-1985&quot;.</translation>
    </message>
    <message>
        <source>%1: the curve is missing.</source>
        <translation>%1: the curve is missing.</translation>
    </message>
    <message>
        <source>Hadlock 1985</source>
        <translation>Hadlock 1985</translation>
    </message>
    <message>
        <source>INTERGROWTH-21st (HC, AC)</source>
        <translation>INTERGROWTH-21st (HC, AC)</translation>
    </message>
</context>
<context>
    <name>HadlockWeight</name>
    <message>
        <source>The estimated fetal weight needs at least AC and FL.</source>
        <translation>The estimated fetal weight needs at least AC and FL.</translation>
    </message>
    <message>
        <source>Hadlock 1985 (BPD, HC, AC, FL)</source>
        <translation>Hadlock 1985 (BPD, HC, AC, FL)</translation>
    </message>
    <message>
        <source>Hadlock 1985 (HC, AC, FL)</source>
        <translation>Hadlock 1985 (HC, AC, FL)</translation>
    </message>
    <message>
        <source>Hadlock 1985 (BPD, AC, FL)</source>
        <translation>Hadlock 1985 (BPD, AC, FL)</translation>
    </message>
    <message>
        <source>Hadlock 1985 (AC, FL)</source>
        <translation>Hadlock 1985 (AC, FL)</translation>
    </message>
</context>
<context>
    <name>HandoutDocument</name>
    <message>
        <source>The PDF file %1 cannot be written.</source>
        <translation>The PDF file %1 cannot be written.</translation>
    </message>
</context>
<context>
    <name>HandoutExport</name>
    <message>
        <source>She has no current pregnancy to print a handout of.</source>
        <translation>She has no current pregnancy to print a handout of.</translation>
    </message>
    <message>
        <source>Record a visit before printing her visit slip.</source>
        <translation>Record a visit before printing her visit slip.</translation>
    </message>
    <message>
        <source>Visit slip as &amp;PDF…</source>
        <translation>Visit slip as &amp;PDF…</translation>
    </message>
    <message>
        <source>&amp;Print visit slip…</source>
        <translation>&amp;Print visit slip…</translation>
    </message>
    <message>
        <source>Antenatal &amp;record as PDF…</source>
        <translation>Antenatal &amp;record as PDF…</translation>
    </message>
    <message>
        <source>Print antenatal r&amp;ecord…</source>
        <translation>Print antenatal r&amp;ecord…</translation>
    </message>
    <message>
        <source>Open her chart first.</source>
        <translation>Open her chart first.</translation>
    </message>
    <message>
        <source>Save handout as PDF</source>
        <translation>Save handout as PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
</context>
<context>
    <name>HandoutTexts</name>
    <message>
        <source>The handout texts %1 cannot be read.</source>
        <translation>The handout texts %1 cannot be read.</translation>
    </message>
    <message>
        <source>The handout texts are not valid JSON: %1.</source>
        <translation>The handout texts are not valid JSON: %1.</translation>
    </message>
    <message>
        <source>The handout texts have no version.</source>
        <translation>The handout texts have no version.</translation>
    </message>
    <message>
        <source>The handout texts lack the Chinese or English label or meaning of the grade %1.</source>
        <translation>The handout texts lack the Chinese or English label or meaning of the grade %1.</translation>
    </message>
    <message>
        <source>The handout texts lack the warning signs.</source>
        <translation>The handout texts lack the warning signs.</translation>
    </message>
    <message>
        <source>The appointment window starting at week %1 of the handout texts is not valid: windows must follow each other from week 0 without gaps, each with both texts.</source>
        <translation>The appointment window starting at week %1 of the handout texts is not valid: windows must follow each other from week 0 without gaps, each with both texts.</translation>
    </message>
    <message>
        <source>The handout texts have no appointment windows.</source>
        <translation>The handout texts have no appointment windows.</translation>
    </message>
</context>
<context>
    <name>HanziReadings</name>
    <message>
        <source>The table of Chinese character readings %1 cannot be read.</source>
        <translation>The table of Chinese character readings %1 cannot be read.</translation>
    </message>
    <message>
        <source>Line %1 of the table of Chinese character readings %2 is not a character, a tab and its readings.</source>
        <translation>Line %1 of the table of Chinese character readings %2 is not a character, a tab and its readings.</translation>
    </message>
    <message>
        <source>The table of Chinese character readings %1 holds no character.</source>
        <translation>The table of Chinese character readings %1 holds no character.</translation>
    </message>
</context>
<context>
    <name>HighRiskRegister</name>
    <message>
        <source>%1-%2 is not a month.</source>
        <translation>%1-%2 is not a month.</translation>
    </message>
    <message>
        <source>Record no.</source>
        <translation>Record no.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>National ID</source>
        <translation>National ID</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Age</translation>
    </message>
    <message>
        <source>GA at month end</source>
        <translation>GA at month end</translation>
    </message>
    <message>
        <source>EDD</source>
        <translation>EDD</translation>
    </message>
    <message>
        <source>Risk color</source>
        <translation>Risk color</translation>
    </message>
    <message>
        <source>Infectious (purple)</source>
        <translation>Infectious (purple)</translation>
    </message>
    <message>
        <source>Case opened</source>
        <translation>Case opened</translation>
    </message>
    <message>
        <source>Report due</source>
        <translation>Report due</translation>
    </message>
    <message>
        <source>Reported on</source>
        <translation>Reported on</translation>
    </message>
    <message>
        <source>Report status</source>
        <translation>Report status</translation>
    </message>
    <message>
        <source>Responsible doctor</source>
        <translation>Responsible doctor</translation>
    </message>
    <message>
        <source>Responsible nurse</source>
        <translation>Responsible nurse</translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation>Closed on</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
</context>
<context>
    <name>IdentityMatch</name>
    <message>
        <source>same ID number</source>
        <translation>same ID number</translation>
    </message>
    <message>
        <source>same name and birth date</source>
        <translation>same name and birth date</translation>
    </message>
    <message>
        <source>same name and phone</source>
        <translation>same name and phone</translation>
    </message>
    <message>
        <source>same phone and birth date</source>
        <translation>same phone and birth date</translation>
    </message>
</context>
<context>
    <name>IdentityStore</name>
    <message>
        <source>The user name or password is wrong.</source>
        <translation>The user name or password is wrong.</translation>
    </message>
    <message>
        <source>Unknown role &quot;%1&quot;; use one of: %2.</source>
        <translation>Unknown role &quot;%1&quot;; use one of: %2.</translation>
    </message>
    <message>
        <source>A password needs at least 8 characters.</source>
        <translation>A password needs at least 8 characters.</translation>
    </message>
    <message>
        <source>The session has ended; please log in again.</source>
        <translation>The session has ended; please log in again.</translation>
    </message>
    <message>
        <source>Not logged in.</source>
        <translation>Not logged in.</translation>
    </message>
    <message>
        <source>The access token has expired.</source>
        <translation>The access token has expired.</translation>
    </message>
    <message>
        <source>Your password was set by an administrator: choose your own to sign in.</source>
        <translation>Your password was set by an administrator: choose your own to sign in.</translation>
    </message>
</context>
<context>
    <name>InstanceFileSink</name>
    <message>
        <source>The PACS sent a part that is not a DICOM instance.</source>
        <translation>The PACS sent a part that is not a DICOM instance.</translation>
    </message>
    <message>
        <source>The study cannot be written to %1.</source>
        <translation>The study cannot be written to %1.</translation>
    </message>
    <message>
        <source>The study cannot be written to %1 (disk full?).</source>
        <translation>The study cannot be written to %1 (disk full?).</translation>
    </message>
</context>
<context>
    <name>Jpeg2000Decoder</name>
    <message>
        <source>The JPEG 2000 image cannot be decoded: %1.</source>
        <translation>The JPEG 2000 image cannot be decoded: %1.</translation>
    </message>
    <message>
        <source>the frame does not start with a JPEG 2000 codestream</source>
        <translation>the frame does not start with a JPEG 2000 codestream</translation>
    </message>
    <message>
        <source>no decoder</source>
        <translation>no decoder</translation>
    </message>
    <message>
        <source>the decoder cannot be set up</source>
        <translation>the decoder cannot be set up</translation>
    </message>
    <message>
        <source>its header is damaged</source>
        <translation>its header is damaged</translation>
    </message>
    <message>
        <source>the codestream is %1 × %2 pixels but the header says %3 × %4</source>
        <translation>the codestream is %1 × %2 pixels but the header says %3 × %4</translation>
    </message>
    <message>
        <source>it has %1 components</source>
        <translation>it has %1 components</translation>
    </message>
    <message>
        <source>component %1 has an unsupported layout</source>
        <translation>component %1 has an unsupported layout</translation>
    </message>
    <message>
        <source>its data is damaged or incomplete</source>
        <translation>its data is damaged or incomplete</translation>
    </message>
    <message>
        <source>component %1 was not decoded</source>
        <translation>component %1 was not decoded</translation>
    </message>
</context>
<context>
    <name>JsonReader</name>
    <message>
        <source>The message is larger than %1 bytes.</source>
        <translation>The message is larger than %1 bytes.</translation>
    </message>
    <message>
        <source>The message is not valid JSON (%1 at byte %2).</source>
        <translation>The message is not valid JSON (%1 at byte %2).</translation>
    </message>
    <message>
        <source>The message must be a JSON object.</source>
        <translation>The message must be a JSON object.</translation>
    </message>
    <message>
        <source>%1.%2: %3</source>
        <translation>%1.%2: %3</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>missing</translation>
    </message>
    <message>
        <source>must be an identifier of at most %1 letters, digits or _-.:</source>
        <translation>must be an identifier of at most %1 letters, digits or _-.:</translation>
    </message>
    <message>
        <source>must be text of at most %1 characters</source>
        <translation>must be text of at most %1 characters</translation>
    </message>
    <message>
        <source>must be a whole number from %1 to %2</source>
        <translation>must be a whole number from %1 to %2</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>must be true or false</translation>
    </message>
    <message>
        <source>must be a list</source>
        <translation>must be a list</translation>
    </message>
    <message>
        <source>%1.%2: more than %3 entries</source>
        <translation>%1.%2: more than %3 entries</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>must be an object</translation>
    </message>
    <message>
        <source>unknown key</source>
        <translation>unknown key</translation>
    </message>
</context>
<context>
    <name>KeychainTokenStore</name>
    <message>
        <source>The system keychain cannot be read (%1).</source>
        <translation>The system keychain cannot be read (%1).</translation>
    </message>
    <message>
        <source>The sign-in cannot be kept in the system keychain (%1).</source>
        <translation>The sign-in cannot be kept in the system keychain (%1).</translation>
    </message>
    <message>
        <source>The system keychain cannot be changed (%1).</source>
        <translation>The system keychain cannot be changed (%1).</translation>
    </message>
</context>
<context>
    <name>LabTest</name>
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
</context>
<context>
    <name>MachineBiometryMapping</name>
    <message>
        <source>The biometry code mapping is invalid near &quot;%1&quot;.</source>
        <translation>The biometry code mapping is invalid near &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The biometry code mapping lists no measures.</source>
        <translation>The biometry code mapping lists no measures.</translation>
    </message>
    <message>
        <source>used</source>
        <translation>used</translation>
    </message>
    <message>
        <source>not used: the machine reported another value</source>
        <translation>not used: the machine reported another value</translation>
    </message>
    <message>
        <source>not used: several values and none marked as the reported one</source>
        <translation>not used: several values and none marked as the reported one</translation>
    </message>
    <message>
        <source>not used: unknown measurement code</source>
        <translation>not used: unknown measurement code</translation>
    </message>
    <message>
        <source>not used: unknown unit</source>
        <translation>not used: unknown unit</translation>
    </message>
    <message>
        <source>not used: outside the range the formulas hold for</source>
        <translation>not used: outside the range the formulas hold for</translation>
    </message>
    <message>
        <source>not used: no value</source>
        <translation>not used: no value</translation>
    </message>
    <message>
        <source>not used: derived by the machine from a measurement</source>
        <translation>not used: derived by the machine from a measurement</translation>
    </message>
</context>
<context>
    <name>MachineReportPanel</name>
    <message>
        <source>EFW  Estimated fetal weight</source>
        <translation>EFW  Estimated fetal weight</translation>
    </message>
    <message>
        <source>AFI  Amniotic fluid index</source>
        <translation>AFI  Amniotic fluid index</translation>
    </message>
    <message>
        <source>Not taken from the report:</source>
        <translation>Not taken from the report:</translation>
    </message>
    <message>
        <source>&amp;Accept into the biometry</source>
        <translation>&amp;Accept into the biometry</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Measure</translation>
    </message>
    <message>
        <source>Machine&apos;s value</source>
        <translation>Machine&apos;s value</translation>
    </message>
    <message>
        <source>Item in the report</source>
        <translation>Item in the report</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Why</translation>
    </message>
    <message>
        <source>Puts these values into the biometry panel; check them there, then save them to the pregnancy and the report.</source>
        <translation>Puts these values into the biometry panel; check them there, then save them to the pregnancy and the report.</translation>
    </message>
    <message>
        <source>No measurements report from the ultrasound machine in this study. Machines that send one (DICOM structured report) have their biometry shown here.</source>
        <translation>No measurements report from the ultrasound machine in this study. Machines that send one (DICOM structured report) have their biometry shown here.</translation>
    </message>
    <message>
        <source>The report holds no biometry ObsLink can take.</source>
        <translation>The report holds no biometry ObsLink can take.</translation>
    </message>
    <message numerus="yes">
        <source>The machine reports %n fetus(es) but gives biometry for %1.</source>
        <translation>
            <numerusform>The machine reports %n fetus but gives biometry for %1.</numerusform>
            <numerusform>The machine reports %n fetuses but gives biometry for %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Fetus</source>
        <translation>Fetus</translation>
    </message>
    <message>
        <source>Fetus %1</source>
        <translation>Fetus %1</translation>
    </message>
    <message>
        <source>%1 (fetus %2)</source>
        <translation>%1 (fetus %2)</translation>
    </message>
    <message>
        <source>Code %1 %2 · %3</source>
        <translation>Code %1 %2 · %3</translation>
    </message>
    <message>
        <source>the ultrasound machine</source>
        <translation>the ultrasound machine</translation>
    </message>
    <message>
        <source>Measured by %1 on %2 (report %3)</source>
        <translation>Measured by %1 on %2 (report %3)</translation>
    </message>
    <message>
        <source>Measured by %1 (report %2)</source>
        <translation>Measured by %1 (report %2)</translation>
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
        <translation>Item %1 of the report</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>ObsLink — antenatal care</source>
        <translation>ObsLink — antenatal care</translation>
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
    <message>
        <source>Show only women of one risk color</source>
        <translation>Show only women of one risk color</translation>
    </message>
    <message>
        <source>All risk levels</source>
        <translation>All risk levels</translation>
    </message>
    <message>
        <source>Women</source>
        <translation>Women</translation>
    </message>
    <message>
        <source>Worklists</source>
        <translation>Worklists</translation>
    </message>
    <message>
        <source>Worklists (%1)</source>
        <translation>Worklists (%1)</translation>
    </message>
    <message>
        <source>Export monthly high-risk &amp;register…</source>
        <translation>Export monthly high-risk &amp;register…</translation>
    </message>
    <message>
        <source>Case &amp;summary (PDF)…</source>
        <translation>Case &amp;summary (PDF)…</translation>
    </message>
    <message>
        <source>High-risk register</source>
        <translation>High-risk register</translation>
    </message>
    <message>
        <source>Month (YYYY-MM):</source>
        <translation>Month (YYYY-MM):</translation>
    </message>
    <message>
        <source>%1 is not a month written YYYY-MM.</source>
        <translation>%1 is not a month written YYYY-MM.</translation>
    </message>
    <message>
        <source>Save the register</source>
        <translation>Save the register</translation>
    </message>
    <message>
        <source>high-risk-register-%1.csv</source>
        <translation>high-risk-register-%1.csv</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>Cannot write %1.</translation>
    </message>
    <message>
        <source>Register saved to %1</source>
        <translation>Register saved to %1</translation>
    </message>
    <message>
        <source>Open the chart of a woman with a case file first.</source>
        <translation>Open the chart of a woman with a case file first.</translation>
    </message>
    <message>
        <source>This pregnancy has no case file.</source>
        <translation>This pregnancy has no case file.</translation>
    </message>
    <message>
        <source>Save the case summary</source>
        <translation>Save the case summary</translation>
    </message>
    <message>
        <source>case-summary-%1.pdf</source>
        <translation>case-summary-%1.pdf</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Case summary saved to %1</source>
        <translation>Case summary saved to %1</translation>
    </message>
    <message>
        <source>&amp;Reading</source>
        <translation>&amp;Reading</translation>
    </message>
    <message>
        <source>No woman with the ID number %1 is in this clinic&apos;s records.</source>
        <translation>No woman with the ID number %1 is in this clinic&apos;s records.</translation>
    </message>
    <message>
        <source>Ultrasound</source>
        <translation>Ultrasound</translation>
    </message>
    <message>
        <source>Open the chart of the woman this study belongs to before writing its report.</source>
        <translation>Open the chart of the woman this study belongs to before writing its report.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln woman(en) on record; </source>
        <translation>
            <numerusform>%Ln woman on record; </numerusform>
            <numerusform>%Ln women on record; </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>showing the %Ln most recently updated.</source>
        <translation>
            <numerusform>showing the %Ln most recently updated.</numerusform>
            <numerusform>showing the %Ln most recently updated.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln woman(en) on record</source>
        <translation>
            <numerusform>%Ln woman on record</numerusform>
            <numerusform>%Ln women on record</numerusform>
        </translation>
    </message>
    <message>
        <source>CTG</source>
        <translation>CTG</translation>
    </message>
    <message>
        <source>Import a CTG &amp;trace…</source>
        <translation>Import a CTG &amp;trace…</translation>
    </message>
    <message>
        <source>Search: name (Chinese or pinyin: zyj, zhang yajing), ID number, phone (or its last digits), record number — Ctrl+F</source>
        <translation>Search: name (Chinese or pinyin: zyj, zhang yajing), ID number, phone (or its last digits), record number — Ctrl+F</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>Referrals</translation>
    </message>
    <message>
        <source>Follow-up (%1)</source>
        <translation>Follow-up (%1)</translation>
    </message>
    <message>
        <source>Referrals (%1)</source>
        <translation>Referrals (%1)</translation>
    </message>
    <message>
        <source>The audit trail could not be written: %1</source>
        <translation>The audit trail could not be written: %1</translation>
    </message>
    <message>
        <source>&amp;Audit trail of the region…</source>
        <translation>&amp;Audit trail of the region…</translation>
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
    <name>MultipartParser</name>
    <message>
        <source>The PACS did not send a multipart reply.</source>
        <translation>The PACS did not send a multipart reply.</translation>
    </message>
    <message>
        <source>The PACS reply announces no valid multipart boundary.</source>
        <translation>The PACS reply announces no valid multipart boundary.</translation>
    </message>
    <message>
        <source>The PACS reply could not be read.</source>
        <translation>The PACS reply could not be read.</translation>
    </message>
    <message>
        <source>The PACS reply does not use the boundary it announced.</source>
        <translation>The PACS reply does not use the boundary it announced.</translation>
    </message>
    <message>
        <source>The PACS reply has a malformed part delimiter.</source>
        <translation>The PACS reply has a malformed part delimiter.</translation>
    </message>
    <message numerus="yes">
        <source>The PACS reply has more than %n parts.</source>
        <translation>
            <numerusform>The PACS reply has more than %n parts.</numerusform>
            <numerusform>The PACS reply has more than %n parts.</numerusform>
        </translation>
    </message>
    <message>
        <source>The headers of a part of the PACS reply are too long.</source>
        <translation>The headers of a part of the PACS reply are too long.</translation>
    </message>
    <message>
        <source>A part of the PACS reply has a malformed header.</source>
        <translation>A part of the PACS reply has a malformed header.</translation>
    </message>
    <message>
        <source>A part of the PACS reply is larger than %1 MB.</source>
        <translation>A part of the PACS reply is larger than %1 MB.</translation>
    </message>
    <message>
        <source>The PACS reply is larger than %1 MB.</source>
        <translation>The PACS reply is larger than %1 MB.</translation>
    </message>
    <message>
        <source>The PACS reply ended before its last part was complete (truncated).</source>
        <translation>The PACS reply ended before its last part was complete (truncated).</translation>
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
        <source>The national ID number&apos;s check character does not match: please re-check every digit.</source>
        <translation>The national ID number&apos;s check character does not match: please re-check every digit.</translation>
    </message>
</context>
<context>
    <name>NotificationHub</name>
    <message>
        <source>Not logged in.</source>
        <translation>Not logged in.</translation>
    </message>
    <message>
        <source>The platform role reads the region through /fhir only.</source>
        <translation>The platform role reads the region through /fhir only.</translation>
    </message>
    <message>
        <source>Too many workstations wait; ask again later.</source>
        <translation>Too many workstations wait; ask again later.</translation>
    </message>
</context>
<context>
    <name>ObGynReportWriter</name>
    <message>
        <source>The structured report could not be composed.</source>
        <translation>The structured report could not be composed.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
</context>
<context>
    <name>OutcomeFields</name>
    <message>
        <source>Delivery</source>
        <translation>Delivery</translation>
    </message>
    <message>
        <source>Miscarriage</source>
        <translation>Miscarriage</translation>
    </message>
    <message>
        <source>Termination of pregnancy</source>
        <translation>Termination of pregnancy</translation>
    </message>
    <message>
        <source>Transferred out</source>
        <translation>Transferred out</translation>
    </message>
    <message>
        <source>Maternal death</source>
        <translation>Maternal death</translation>
    </message>
    <message>
        <source>Vaginal delivery</source>
        <translation>Vaginal delivery</translation>
    </message>
    <message>
        <source>Assisted vaginal delivery</source>
        <translation>Assisted vaginal delivery</translation>
    </message>
    <message>
        <source>Caesarean section</source>
        <translation>Caesarean section</translation>
    </message>
    <message>
        <source>Primary hospital</source>
        <translation>Primary hospital</translation>
    </message>
    <message>
        <source>Secondary hospital</source>
        <translation>Secondary hospital</translation>
    </message>
    <message>
        <source>Tertiary hospital</source>
        <translation>Tertiary hospital</translation>
    </message>
    <message>
        <source>Well</source>
        <translation>Well</translation>
    </message>
    <message>
        <source>With complications</source>
        <translation>With complications</translation>
    </message>
    <message>
        <source>Transferred for care</source>
        <translation>Transferred for care</translation>
    </message>
    <message>
        <source>Died</source>
        <translation>Died</translation>
    </message>
    <message>
        <source>Girl</source>
        <translation>Girl</translation>
    </message>
    <message>
        <source>Boy</source>
        <translation>Boy</translation>
    </message>
    <message>
        <source>Undetermined</source>
        <translation>Undetermined</translation>
    </message>
    <message>
        <source>Live birth</source>
        <translation>Live birth</translation>
    </message>
    <message>
        <source>Stillbirth</source>
        <translation>Stillbirth</translation>
    </message>
    <message>
        <source>Neonatal death</source>
        <translation>Neonatal death</translation>
    </message>
    <message>
        <source>Date of the outcome</source>
        <translation>Date of the outcome</translation>
    </message>
    <message>
        <source>Gestational age (weeks+days)</source>
        <translation>Gestational age (weeks+days)</translation>
    </message>
    <message>
        <source>Cause of death</source>
        <translation>Cause of death</translation>
    </message>
    <message>
        <source>Reason for the termination</source>
        <translation>Reason for the termination</translation>
    </message>
    <message>
        <source>Mode of delivery</source>
        <translation>Mode of delivery</translation>
    </message>
    <message>
        <source>Place of delivery</source>
        <translation>Place of delivery</translation>
    </message>
    <message>
        <source>Level of the delivery hospital</source>
        <translation>Level of the delivery hospital</translation>
    </message>
    <message>
        <source>Maternal outcome</source>
        <translation>Maternal outcome</translation>
    </message>
    <message>
        <source>Complications</source>
        <translation>Complications</translation>
    </message>
    <message>
        <source>Blood loss (mL)</source>
        <translation>Blood loss (mL)</translation>
    </message>
    <message>
        <source>Newborn %1: sex</source>
        <translation>Newborn %1: sex</translation>
    </message>
    <message>
        <source>Newborn %1: weight (g)</source>
        <translation>Newborn %1: weight (g)</translation>
    </message>
    <message>
        <source>Newborn %1: Apgar at 1 min</source>
        <translation>Newborn %1: Apgar at 1 min</translation>
    </message>
    <message>
        <source>Newborn %1: Apgar at 5 min</source>
        <translation>Newborn %1: Apgar at 5 min</translation>
    </message>
    <message>
        <source>Newborn %1: outcome</source>
        <translation>Newborn %1: outcome</translation>
    </message>
    <message>
        <source>42-day postpartum check</source>
        <translation>42-day postpartum check</translation>
    </message>
    <message>
        <source>Postpartum check findings</source>
        <translation>Postpartum check findings</translation>
    </message>
    <message>
        <source>Transferred to</source>
        <translation>Transferred to</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>This closure has no field %1.</source>
        <translation>This closure has no field %1.</translation>
    </message>
    <message>
        <source>%1 must be a whole number.</source>
        <translation>%1 must be a whole number.</translation>
    </message>
    <message>
        <source>%1 must be a date written YYYY-MM-DD.</source>
        <translation>%1 must be a date written YYYY-MM-DD.</translation>
    </message>
    <message>
        <source>Choose one of the values offered for %1.</source>
        <translation>Choose one of the values offered for %1.</translation>
    </message>
    <message>
        <source>Write the gestational age as weeks+days, e.g. 38+2.</source>
        <translation>Write the gestational age as weeks+days, e.g. 38+2.</translation>
    </message>
    <message>
        <source>Kind of outcome</source>
        <translation>Kind of outcome</translation>
    </message>
</context>
<context>
    <name>PacsConnection</name>
    <message>
        <source>The PACS refused the user name or password (HTTP %1).</source>
        <translation>The PACS refused the user name or password (HTTP %1).</translation>
    </message>
    <message>
        <source>The PACS does not have what was asked for (HTTP 404).</source>
        <translation>The PACS does not have what was asked for (HTTP 404).</translation>
    </message>
    <message>
        <source>The PACS refused the upload as too large (HTTP 413).</source>
        <translation>The PACS refused the upload as too large (HTTP 413).</translation>
    </message>
    <message>
        <source>The PACS answered with HTTP status %1.</source>
        <translation>The PACS answered with HTTP status %1.</translation>
    </message>
    <message>
        <source>The PACS address must start with https://.</source>
        <translation>The PACS address must start with https://.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <source>The PACS certificate is not trusted (%1); the connection was refused.</source>
        <translation>The PACS certificate is not trusted (%1); the connection was refused.</translation>
    </message>
    <message>
        <source>The PACS cannot be reached (%1).</source>
        <translation>The PACS cannot be reached (%1).</translation>
    </message>
    <message>
        <source>The transfer from the PACS broke off (%1).</source>
        <translation>The transfer from the PACS broke off (%1).</translation>
    </message>
    <message>
        <source>The PACS reply is larger than expected; it was refused.</source>
        <translation>The PACS reply is larger than expected; it was refused.</translation>
    </message>
</context>
<context>
    <name>PacsSettings</name>
    <message>
        <source>No PACS is configured (Settings → PACS).</source>
        <translation>No PACS is configured (Settings → PACS).</translation>
    </message>
    <message>
        <source>The PACS password file %1 cannot be read.</source>
        <translation>The PACS password file %1 cannot be read.</translation>
    </message>
</context>
<context>
    <name>PacsSettingsDialog</name>
    <message>
        <source>Receive images from the ultrasound machine (DICOM C-STORE) and forward them to the PACS</source>
        <translation>Receive images from the ultrasound machine (DICOM C-STORE) and forward them to the PACS</translation>
    </message>
    <message>
        <source>PACS settings</source>
        <translation>PACS settings</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>DICOMweb address</source>
        <translation>DICOMweb address</translation>
    </message>
    <message>
        <source>Regional CA certificate</source>
        <translation>Regional CA certificate</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt)</source>
        <translation>Certificates (*.pem *.crt)</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Password file</source>
        <translation>Password file</translation>
    </message>
    <message>
        <source>Study cache size</source>
        <translation>Study cache size</translation>
    </message>
    <message>
        <source>AE title of this workstation</source>
        <translation>AE title of this workstation</translation>
    </message>
    <message>
        <source>DICOM port</source>
        <translation>DICOM port</translation>
    </message>
    <message>
        <source>The password file holds the password on its first line; only you should be able to read it. Receiver changes apply at the next start of ObsLink.</source>
        <translation>The password file holds the password on its first line; only you should be able to read it. Receiver changes apply at the next start of ObsLink.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>Choose a file</translation>
    </message>
    <message>
        <source>The DICOMweb address must be an https:// address.</source>
        <translation>The DICOMweb address must be an https:// address.</translation>
    </message>
    <message>
        <source>The receiver needs an AE title.</source>
        <translation>The receiver needs an AE title.</translation>
    </message>
</context>
<context>
    <name>PacsWorkbench</name>
    <message>
        <source>Reading worklist</source>
        <translation>Reading worklist</translation>
    </message>
    <message>
        <source>Reading &amp;worklist</source>
        <translation>Reading &amp;worklist</translation>
    </message>
    <message>
        <source>&amp;Open selected study</source>
        <translation>&amp;Open selected study</translation>
    </message>
    <message>
        <source>Open her &amp;chart</source>
        <translation>Open her &amp;chart</translation>
    </message>
    <message>
        <source>&amp;Send DICOM files to the PACS…</source>
        <translation>&amp;Send DICOM files to the PACS…</translation>
    </message>
    <message>
        <source>&amp;PACS…</source>
        <translation>&amp;PACS…</translation>
    </message>
    <message>
        <source>Send to the PACS</source>
        <translation>Send to the PACS</translation>
    </message>
    <message>
        <source>DICOM files to send to the PACS</source>
        <translation>DICOM files to send to the PACS</translation>
    </message>
    <message>
        <source>DICOM files (*.dcm *.DCM);;All files (*)</source>
        <translation>DICOM files (*.dcm *.DCM);;All files (*)</translation>
    </message>
    <message numerus="yes">
        <source>Sending %n file(s) to the PACS…</source>
        <translation>
            <numerusform>Sending %n file to the PACS…</numerusform>
            <numerusform>Sending %n files to the PACS…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The PACS stored %n file(s).</source>
        <translation>
            <numerusform>The PACS stored %n file.</numerusform>
            <numerusform>The PACS stored %n files.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) were not accepted:</source>
        <translation>
            <numerusform>%n file were not accepted:</numerusform>
            <numerusform>%n files were not accepted:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) waiting to be sent to the PACS: %1</source>
        <translation>
            <numerusform>%n image waiting to be sent to the PACS: %1</numerusform>
            <numerusform>%n images waiting to be sent to the PACS: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sent %n image(s) from the ultrasound machine to the PACS.</source>
        <translation>
            <numerusform>Sent %n image from the ultrasound machine to the PACS.</numerusform>
            <numerusform>Sent %n images from the ultrasound machine to the PACS.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) refused by the PACS.</source>
        <translation>
            <numerusform>%n image refused by the PACS.</numerusform>
            <numerusform>%n images refused by the PACS.</numerusform>
        </translation>
    </message>
    <message>
        <source>Study retrieved</source>
        <translation>Study retrieved</translation>
    </message>
    <message numerus="yes">
        <source>The study %1 (%2) is on this workstation: %n image(s) in %3.</source>
        <translation>
            <numerusform>The study %1 (%2) is on this workstation: %n image in %3.</numerusform>
            <numerusform>The study %1 (%2) is on this workstation: %n images in %3.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PasswordPolicy</name>
    <message>
        <source>The password needs at least %1 characters.</source>
        <translation>The password needs at least %1 characters.</translation>
    </message>
    <message>
        <source>The password needs three of: capital letters, small letters, digits, other signs.</source>
        <translation>The password needs three of: capital letters, small letters, digits, other signs.</translation>
    </message>
    <message>
        <source>The password may not contain the user name.</source>
        <translation>The password may not contain the user name.</translation>
    </message>
    <message>
        <source>The password was one of your last %1; choose another.</source>
        <translation>The password was one of your last %1; choose another.</translation>
    </message>
    <message>
        <source>At least %1 characters, with three of: capital letters, small letters, digits, other signs; not your user name, and none of your last %2 passwords.</source>
        <translation>At least %1 characters, with three of: capital letters, small letters, digits, other signs; not your user name, and none of your last %2 passwords.</translation>
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
    <message>
        <source>⚠ New grade proposed — see Risk</source>
        <translation>⚠ New grade proposed — see Risk</translation>
    </message>
    <message>
        <source>See the chart&apos;s CTG tab</source>
        <translation>See the chart&apos;s CTG tab</translation>
    </message>
    <message>
        <source>%1 — see the chart&apos;s Referrals tab</source>
        <translation>%1 — see the chart&apos;s Referrals tab</translation>
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
        <source>This woman&apos;s record no longer exists.</source>
        <translation>This woman&apos;s record no longer exists.</translation>
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
    <message>
        <source>Risk</source>
        <translation>Risk</translation>
    </message>
    <message>
        <source>Alt+%1</source>
        <translation>Alt+%1</translation>
    </message>
    <message>
        <source>Report to the district MCH institution overdue (due %1)</source>
        <translation>Report to the district MCH institution overdue (due %1)</translation>
    </message>
    <message>
        <source>Report to the district MCH institution by %1</source>
        <translation>Report to the district MCH institution by %1</translation>
    </message>
    <message>
        <source>&amp;Handouts</source>
        <translation>&amp;Handouts</translation>
    </message>
    <message>
        <source>Print or export her visit slip and antenatal record</source>
        <translation>Print or export her visit slip and antenatal record</translation>
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
    <name>PixelLayout</name>
    <message>
        <source>The image holds floating-point pixels, which cannot be displayed.</source>
        <translation>The image holds floating-point pixels, which cannot be displayed.</translation>
    </message>
    <message>
        <source>The file holds no image (it has no pixel data).</source>
        <translation>The file holds no image (it has no pixel data).</translation>
    </message>
    <message>
        <source>The frames are stored as video (%1), which cannot be displayed frame by frame.</source>
        <translation>The frames are stored as video (%1), which cannot be displayed frame by frame.</translation>
    </message>
    <message>
        <source>The header gives an impossible image size (%1 × %2 pixels).</source>
        <translation>The header gives an impossible image size (%1 × %2 pixels).</translation>
    </message>
    <message>
        <source>The header gives an impossible number of samples per pixel (%1).</source>
        <translation>The header gives an impossible number of samples per pixel (%1).</translation>
    </message>
    <message>
        <source>The header gives an impossible bit depth (%1 bits stored in %2).</source>
        <translation>The header gives an impossible bit depth (%1 bits stored in %2).</translation>
    </message>
    <message>
        <source>The image is too large to display (%1 × %2 pixels with %3 samples of %4 bits each).</source>
        <translation>The image is too large to display (%1 × %2 pixels with %3 samples of %4 bits each).</translation>
    </message>
    <message>
        <source>The header announces %1 frames; at most %2 are accepted.</source>
        <translation>The header announces %1 frames; at most %2 are accepted.</translation>
    </message>
    <message>
        <source>The compressed pixel data holds no frame.</source>
        <translation>The compressed pixel data holds no frame.</translation>
    </message>
    <message>
        <source>The header announces %1 frames but the compressed pixel data holds only %2 fragments.</source>
        <translation>The header announces %1 frames but the compressed pixel data holds only %2 fragments.</translation>
    </message>
    <message>
        <source>The pixel data is shorter than one frame: %1 bytes where the header needs %2.</source>
        <translation>The pixel data is shorter than one frame: %1 bytes where the header needs %2.</translation>
    </message>
    <message numerus="yes">
        <source>Frame %1 is missing from the pixel data, which holds only %n complete frame(s).</source>
        <translation>
            <numerusform>Frame %1 is missing from the pixel data, which holds only %n complete frame.</numerusform>
            <numerusform>Frame %1 is missing from the pixel data, which holds only %n complete frames.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PossibleDuplicatesDialog</name>
    <message>
        <source>&amp;Open the existing record</source>
        <translation>&amp;Open the existing record</translation>
    </message>
    <message>
        <source>&amp;Register a new record anyway</source>
        <translation>&amp;Register a new record anyway</translation>
    </message>
    <message>
        <source>She may already have a record</source>
        <translation>She may already have a record</translation>
    </message>
    <message>
        <source>A woman with the same ID number is already registered here. One woman keeps one record: open hers and book the new pregnancy there.</source>
        <translation>A woman with the same ID number is already registered here. One woman keeps one record: open hers and book the new pregnancy there.</translation>
    </message>
    <message>
        <source>These registrations look like the same woman. If one is her, open it instead of starting a second record.</source>
        <translation>These registrations look like the same woman. If one is her, open it instead of starting a second record.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Birth date</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>Record no.</source>
        <translation>Record no.</translation>
    </message>
    <message>
        <source>Matched on</source>
        <translation>Matched on</translation>
    </message>
    <message>
        <source>Why she needs a new record (for example: a different woman, her mother&apos;s phone)</source>
        <translation>Why she needs a new record (for example: a different woman, her mother&apos;s phone)</translation>
    </message>
    <message>
        <source>&amp;Back to the form</source>
        <translation>&amp;Back to the form</translation>
    </message>
    <message>
        <source>Not her?</source>
        <translation>Not her?</translation>
    </message>
</context>
<context>
    <name>PregnancyRedating</name>
    <message>
        <source>This exam has no gestational age by ultrasound (measure a CRL, or BPD, HC, AC or FL), so it cannot date the pregnancy.</source>
        <translation>This exam has no gestational age by ultrasound (measure a CRL, or BPD, HC, AC or FL), so it cannot date the pregnancy.</translation>
    </message>
    <message>
        <source>This pregnancy has ended; its dating is no longer changed.</source>
        <translation>This pregnancy has ended; its dating is no longer changed.</translation>
    </message>
    <message>
        <source>The pregnancy is already dated by the scan of %1 (%2). An EDD set by an earlier ultrasound is not changed by a later one (ACOG Committee Opinion 700).</source>
        <translation>The pregnancy is already dated by the scan of %1 (%2). An EDD set by an earlier ultrasound is not changed by a later one (ACOG Committee Opinion 700).</translation>
    </message>
    <message>
        <source>No LMP is recorded: the ultrasound (%1 on %2) dates the pregnancy.</source>
        <translation>No LMP is recorded: the ultrasound (%1 on %2) dates the pregnancy.</translation>
    </message>
    <message numerus="yes">
        <source>By ultrasound %1, by LMP %2: %n day(s) apart, more than the %3 days ACOG accepts at %2. The ultrasound dates the pregnancy.</source>
        <translation>
            <numerusform>By ultrasound %1, by LMP %2: %n day apart, more than the %3 days ACOG accepts at %2. The ultrasound dates the pregnancy.</numerusform>
            <numerusform>By ultrasound %1, by LMP %2: %n days apart, more than the %3 days ACOG accepts at %2. The ultrasound dates the pregnancy.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>By ultrasound %1, by LMP %2: %n day(s) apart, within the %3 days ACOG accepts at %2. The EDD by LMP stands; the scan is kept as the dating ultrasound.</source>
        <translation>
            <numerusform>By ultrasound %1, by LMP %2: %n day apart, within the %3 days ACOG accepts at %2. The EDD by LMP stands; the scan is kept as the dating ultrasound.</numerusform>
            <numerusform>By ultrasound %1, by LMP %2: %n days apart, within the %3 days ACOG accepts at %2. The EDD by LMP stands; the scan is kept as the dating ultrasound.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProtocolCodec</name>
    <message>
        <source>%1: more than %2 fields</source>
        <translation>%1: more than %2 fields</translation>
    </message>
    <message>
        <source>%1: a field name is not an identifier</source>
        <translation>%1: a field name is not an identifier</translation>
    </message>
    <message>
        <source>%1.%2: must be null, true/false, a number or text of at most %3 characters</source>
        <translation>%1.%2: must be null, true/false, a number or text of at most %3 characters</translation>
    </message>
    <message>
        <source>%1.operation: must be insert or update</source>
        <translation>%1.operation: must be insert or update</translation>
    </message>
    <message>
        <source>%1.status: unknown status</source>
        <translation>%1.status: unknown status</translation>
    </message>
    <message>
        <source>%1: must be an object</source>
        <translation>%1: must be an object</translation>
    </message>
</context>
<context>
    <name>ReadingWorklistModel</name>
    <message>
        <source>Not retrieved</source>
        <translation>Not retrieved</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Queued</translation>
    </message>
    <message numerus="yes">
        <source>Retrieving: %n image(s), %1</source>
        <translation>
            <numerusform>Retrieving: %n image, %1</numerusform>
            <numerusform>Retrieving: %n images, %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Ready to read</source>
        <translation>Ready to read</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Failed: %1</translation>
    </message>
    <message>
        <source>Study date</source>
        <translation>Study date</translation>
    </message>
    <message>
        <source>Woman</source>
        <translation>Woman</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>Accession</source>
        <translation>Accession</translation>
    </message>
    <message>
        <source>Examination</source>
        <translation>Examination</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Images</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>Reported</translation>
    </message>
</context>
<context>
    <name>ReadingWorklistPanel</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>&amp;Open study</source>
        <translation>&amp;Open study</translation>
    </message>
    <message>
        <source>Studies from</source>
        <translation>Studies from</translation>
    </message>
    <message>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <source>PACS: %1</source>
        <translation>PACS: %1</translation>
    </message>
    <message>
        <source>Asking the PACS for studies…</source>
        <translation>Asking the PACS for studies…</translation>
    </message>
    <message numerus="yes">
        <source>%n study(ies) waiting for a read.</source>
        <translation>
            <numerusform>%n study(ies) waiting for a read.</numerusform>
            <numerusform>%n study(ies) waiting for a read.</numerusform>
        </translation>
    </message>
    <message>
        <source>Retrieving the study of %1…</source>
        <translation>Retrieving the study of %1…</translation>
    </message>
    <message numerus="yes">
        <source>Study ready: %n image(s).</source>
        <translation>
            <numerusform>Study ready: %n image.</numerusform>
            <numerusform>Study ready: %n images.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Cancel retrieval</source>
        <translation>&amp;Cancel retrieval</translation>
    </message>
    <message>
        <source>Re&amp;port…</source>
        <translation>Re&amp;port…</translation>
    </message>
    <message>
        <source>Retrieval cancelled.</source>
        <translation>Retrieval cancelled.</translation>
    </message>
    <message>
        <source>No PACS is set up: Settings → PACS.</source>
        <translation>No PACS is set up: Settings → PACS.</translation>
    </message>
    <message>
        <source>Retrieving the study…</source>
        <translation>Retrieving the study…</translation>
    </message>
</context>
<context>
    <name>RecordStore</name>
    <message>
        <source>The record to change does not exist at the center.</source>
        <translation>The record to change does not exist at the center.</translation>
    </message>
    <message>
        <source>A new record must carry %1.</source>
        <translation>A new record must carry %1.</translation>
    </message>
    <message>
        <source>A clinic can only register women for itself.</source>
        <translation>A clinic can only register women for itself.</translation>
    </message>
    <message>
        <source>This woman&apos;s records are not shared with your clinic.</source>
        <translation>This woman&apos;s records are not shared with your clinic.</translation>
    </message>
    <message>
        <source>The record names no woman or pregnancy it belongs to.</source>
        <translation>The record names no woman or pregnancy it belongs to.</translation>
    </message>
    <message>
        <source>The record belongs to a record the center has not received yet.</source>
        <translation>The record belongs to a record the center has not received yet.</translation>
    </message>
    <message>
        <source>A stored mutation outcome cannot be read.</source>
        <translation>A stored mutation outcome cannot be read.</translation>
    </message>
    <message>
        <source>The pull cursor is not one this center issued.</source>
        <translation>The pull cursor is not one this center issued.</translation>
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
        <source>Enter the woman&apos;s name.</source>
        <translation>Enter the woman&apos;s name.</translation>
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
    <message>
        <source>The next appointment must be after the visit date.</source>
        <translation>The next appointment must be after the visit date.</translation>
    </message>
    <message>
        <source>The next appointment is more than two weeks after the due date.</source>
        <translation>The next appointment is more than two weeks after the due date.</translation>
    </message>
</context>
<context>
    <name>ReferralAccess</name>
    <message>
        <source>The clinic this referral goes to is not one of the region&apos;s.</source>
        <translation>The clinic this referral goes to is not one of the region&apos;s.</translation>
    </message>
    <message>
        <source>The referral step is not one the center knows.</source>
        <translation>The referral step is not one the center knows.</translation>
    </message>
    <message>
        <source>This step of the referral belongs to the other clinic.</source>
        <translation>This step of the referral belongs to the other clinic.</translation>
    </message>
    <message>
        <source>A step of a referral is never changed once taken.</source>
        <translation>A step of a referral is never changed once taken.</translation>
    </message>
    <message>
        <source>Only the referring clinic writes its referral.</source>
        <translation>Only the referring clinic writes its referral.</translation>
    </message>
    <message>
        <source>This referral has been sent and can no longer be changed.</source>
        <translation>This referral has been sent and can no longer be changed.</translation>
    </message>
    <message>
        <source>A referral goes to another clinic than the one sending it.</source>
        <translation>A referral goes to another clinic than the one sending it.</translation>
    </message>
</context>
<context>
    <name>ReferralDashboardPanel</name>
    <message>
        <source>All referral &amp;figures…</source>
        <translation>All referral &amp;figures…</translation>
    </message>
    <message>
        <source>Referrals and consultations sent since %1</source>
        <translation>Referrals and consultations sent since %1</translation>
    </message>
    <message>
        <source>None this month.</source>
        <translation>None this month.</translation>
    </message>
</context>
<context>
    <name>ReferralDialog</name>
    <message>
        <source>Referral — %1</source>
        <translation>Referral — %1</translation>
    </message>
    <message>
        <source>Choose a clinic…</source>
        <translation>Choose a clinic…</translation>
    </message>
    <message>
        <source>if known</source>
        <translation>if known</translation>
    </message>
    <message>
        <source>not graded</source>
        <translation>not graded</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>; </source>
        <translation>; </translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Nothing recorded for her yet to attach.</source>
        <translation>Nothing recorded for her yet to attach.</translation>
    </message>
    <message>
        <source>Referred &amp;to:</source>
        <translation>Referred &amp;to:</translation>
    </message>
    <message>
        <source>D&amp;epartment:</source>
        <translation>D&amp;epartment:</translation>
    </message>
    <message>
        <source>Doct&amp;or:</source>
        <translation>Doct&amp;or:</translation>
    </message>
    <message>
        <source>Di&amp;rection:</source>
        <translation>Di&amp;rection:</translation>
    </message>
    <message>
        <source>&amp;Urgency:</source>
        <translation>&amp;Urgency:</translation>
    </message>
    <message>
        <source>Re&amp;ason:</source>
        <translation>Re&amp;ason:</translation>
    </message>
    <message>
        <source>Dia&amp;gnosis:</source>
        <translation>Dia&amp;gnosis:</translation>
    </message>
    <message>
        <source>Risk grade:</source>
        <translation>Risk grade:</translation>
    </message>
    <message>
        <source>Clinical &amp;summary:</source>
        <translation>Clinical &amp;summary:</translation>
    </message>
    <message>
        <source>Send &amp;with it:</source>
        <translation>Send &amp;with it:</translation>
    </message>
    <message>
        <source>Se&amp;nd referral</source>
        <translation>Se&amp;nd referral</translation>
    </message>
    <message>
        <source>Save &amp;draft</source>
        <translation>Save &amp;draft</translation>
    </message>
    <message>
        <source>Consultation request — %1</source>
        <translation>Consultation request — %1</translation>
    </message>
    <message>
        <source>Asked &amp;of:</source>
        <translation>Asked &amp;of:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Kind:</translation>
    </message>
    <message>
        <source>&amp;Question:</source>
        <translation>&amp;Question:</translation>
    </message>
    <message>
        <source>Se&amp;nd request</source>
        <translation>Se&amp;nd request</translation>
    </message>
</context>
<context>
    <name>ReferralFiguresDialog</name>
    <message>
        <source>Referral figures</source>
        <translation>Referral figures</translation>
    </message>
    <message>
        <source>Sent &amp;from</source>
        <translation>Sent &amp;from</translation>
    </message>
    <message>
        <source>&amp;to</source>
        <translation>&amp;to</translation>
    </message>
    <message>
        <source>Medians over the referrals that reached each stage. Accepted, declined and cancelled count every referral that reached that status, whatever came after.</source>
        <translation>Medians over the referrals that reached each stage. Accepted, declined and cancelled count every referral that reached that status, whatever came after.</translation>
    </message>
</context>
<context>
    <name>ReferralFiguresTable</name>
    <message>
        <source>Month</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>Declined</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Answered</translation>
    </message>
    <message>
        <source>Answered in time</source>
        <translation>Answered in time</translation>
    </message>
    <message>
        <source>Hours to receipt</source>
        <translation>Hours to receipt</translation>
    </message>
    <message>
        <source>Hours to acceptance</source>
        <translation>Hours to acceptance</translation>
    </message>
    <message>
        <source>Hours to return slip</source>
        <translation>Hours to return slip</translation>
    </message>
</context>
<context>
    <name>ReferralItemViewers</name>
    <message>
        <source>This ultrasound report is not in this workstation&apos;s records yet; it comes with the next sync.</source>
        <translation>This ultrasound report is not in this workstation&apos;s records yet; it comes with the next sync.</translation>
    </message>
    <message>
        <source>The signed reading is not in this workstation&apos;s records yet; it comes with the next sync.</source>
        <translation>The signed reading is not in this workstation&apos;s records yet; it comes with the next sync.</translation>
    </message>
    <message>
        <source>This study is in the regional PACS, and no PACS is set up here: Settings → PACS.</source>
        <translation>This study is in the regional PACS, and no PACS is set up here: Settings → PACS.</translation>
    </message>
</context>
<context>
    <name>ReferralPdf</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Record no.</source>
        <translation>Record no.</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Referral form</source>
        <translation>Referral form</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>Referral</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Referred to</source>
        <translation>Referred to</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>not sent yet (draft)</source>
        <translation>not sent yet (draft)</translation>
    </message>
    <message>
        <source>not graded</source>
        <translation>not graded</translation>
    </message>
    <message>
        <source>Risk grade</source>
        <translation>Risk grade</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>; </source>
        <translation>; </translation>
    </message>
    <message>
        <source>Reason for referral</source>
        <translation>Reason for referral</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>Diagnosis</translation>
    </message>
    <message>
        <source>Clinical summary</source>
        <translation>Clinical summary</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Sent with the referral</source>
        <translation>Sent with the referral</translation>
    </message>
    <message>
        <source>Referring doctor</source>
        <translation>Referring doctor</translation>
    </message>
    <message>
        <source>Referral return slip</source>
        <translation>Referral return slip</translation>
    </message>
    <message>
        <source>Referred by</source>
        <translation>Referred by</translation>
    </message>
    <message>
        <source>She arrived</source>
        <translation>She arrived</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>What was done</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Advice for her clinic</source>
        <translation>Advice for her clinic</translation>
    </message>
    <message>
        <source>Doctor</source>
        <translation>Doctor</translation>
    </message>
    <message>
        <source>The outcome of this referral has not been returned yet.</source>
        <translation>The outcome of this referral has not been returned yet.</translation>
    </message>
</context>
<context>
    <name>ReferralRepository</name>
    <message>
        <source>This referral has been sent and can no longer be changed; cancel it and write a new one.</source>
        <translation>This referral has been sent and can no longer be changed; cancel it and write a new one.</translation>
    </message>
    <message>
        <source>This referral is not in this workstation&apos;s records.</source>
        <translation>This referral is not in this workstation&apos;s records.</translation>
    </message>
    <message>
        <source>Only the referring clinic can do this.</source>
        <translation>Only the referring clinic can do this.</translation>
    </message>
    <message>
        <source>Only the clinic she is referred to can do this.</source>
        <translation>Only the clinic she is referred to can do this.</translation>
    </message>
    <message>
        <source>The referral is %1: &quot;%2&quot; does not apply now.</source>
        <translation>The referral is %1: &quot;%2&quot; does not apply now.</translation>
    </message>
</context>
<context>
    <name>ReferralStepDialog</name>
    <message>
        <source>Return slip — %1</source>
        <translation>Return slip — %1</translation>
    </message>
    <message>
        <source>&amp;Diagnosis:</source>
        <translation>&amp;Diagnosis:</translation>
    </message>
    <message>
        <source>&amp;What was done:</source>
        <translation>&amp;What was done:</translation>
    </message>
    <message>
        <source>&amp;Plan:</source>
        <translation>&amp;Plan:</translation>
    </message>
    <message>
        <source>&amp;Advice for her clinic:</source>
        <translation>&amp;Advice for her clinic:</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>&amp;Why it is declined:</source>
        <translation>&amp;Why it is declined:</translation>
    </message>
    <message>
        <source>&amp;Why it is cancelled:</source>
        <translation>&amp;Why it is cancelled:</translation>
    </message>
    <message>
        <source>Consultation opinion — %1</source>
        <translation>Consultation opinion — %1</translation>
    </message>
    <message>
        <source>&amp;Opinion:</source>
        <translation>&amp;Opinion:</translation>
    </message>
    <message>
        <source>&amp;Recommendation:</source>
        <translation>&amp;Recommendation:</translation>
    </message>
    <message>
        <source>Sign the opinion</source>
        <translation>Sign the opinion</translation>
    </message>
</context>
<context>
    <name>ReferralSteps</name>
    <message>
        <source>Draft</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>Declined</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>Arrived</translation>
    </message>
    <message>
        <source>Outcome returned</source>
        <translation>Outcome returned</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>She arrived</source>
        <translation>She arrived</translation>
    </message>
    <message>
        <source>No reading</source>
        <translation>No reading</translation>
    </message>
    <message>
        <source>Signed CTG interpretation</source>
        <translation>Signed CTG interpretation</translation>
    </message>
    <message>
        <source>Signed ultrasound report</source>
        <translation>Signed ultrasound report</translation>
    </message>
</context>
<context>
    <name>ReferralSummary</name>
    <message>
        <source>%1 years old</source>
        <translation>%1 years old</translation>
    </message>
    <message>
        <source>G%1P%2</source>
        <translation>G%1P%2</translation>
    </message>
    <message>
        <source>%1 weeks + %2 days</source>
        <translation>%1 weeks + %2 days</translation>
    </message>
    <message>
        <source>EDD %1</source>
        <translation>EDD %1</translation>
    </message>
    <message numerus="yes">
        <source>%n fetus(es)</source>
        <translation>
            <numerusform>%n fetus</numerusform>
            <numerusform>%n fetuses</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>BP %1/%2 mmHg</source>
        <translation>BP %1/%2 mmHg</translation>
    </message>
    <message>
        <source>weight %1 kg</source>
        <translation>weight %1 kg</translation>
    </message>
    <message>
        <source>fundal height %1 cm</source>
        <translation>fundal height %1 cm</translation>
    </message>
    <message>
        <source>FHR %1 bpm</source>
        <translation>FHR %1 bpm</translation>
    </message>
    <message>
        <source>. Last visit %1: %2.</source>
        <translation>. Last visit %1: %2.</translation>
    </message>
</context>
<context>
    <name>ReferralValidator</name>
    <message>
        <source>The referral belongs to no pregnancy.</source>
        <translation>The referral belongs to no pregnancy.</translation>
    </message>
    <message>
        <source>Choose the clinic she is referred to.</source>
        <translation>Choose the clinic she is referred to.</translation>
    </message>
    <message>
        <source>A referral goes to another clinic than the one sending it.</source>
        <translation>A referral goes to another clinic than the one sending it.</translation>
    </message>
    <message>
        <source>Write why she is referred.</source>
        <translation>Write why she is referred.</translation>
    </message>
    <message>
        <source>Write why the referral is declined.</source>
        <translation>Write why the referral is declined.</translation>
    </message>
    <message>
        <source>Write why the referral is cancelled.</source>
        <translation>Write why the referral is cancelled.</translation>
    </message>
    <message>
        <source>The return slip needs her diagnosis.</source>
        <translation>The return slip needs her diagnosis.</translation>
    </message>
    <message>
        <source>The return slip needs the plan from here.</source>
        <translation>The return slip needs the plan from here.</translation>
    </message>
    <message>
        <source>Only the return slip carries an outcome.</source>
        <translation>Only the return slip carries an outcome.</translation>
    </message>
    <message>
        <source>Write the opinion before signing it.</source>
        <translation>Write the opinion before signing it.</translation>
    </message>
    <message>
        <source>Only a consultation is answered with a signed reading.</source>
        <translation>Only a consultation is answered with a signed reading.</translation>
    </message>
    <message>
        <source>The signed reading this opinion comes from is not named.</source>
        <translation>The signed reading this opinion comes from is not named.</translation>
    </message>
</context>
<context>
    <name>ReferralVerbs</name>
    <message>
        <source>Se&amp;nd</source>
        <translation>Se&amp;nd</translation>
    </message>
    <message>
        <source>Acknowledge receipt</source>
        <translation>Acknowledge receipt</translation>
    </message>
    <message>
        <source>&amp;Accept</source>
        <translation>&amp;Accept</translation>
    </message>
    <message>
        <source>&amp;Decline…</source>
        <translation>&amp;Decline…</translation>
    </message>
    <message>
        <source>Return the &amp;outcome…</source>
        <translation>Return the &amp;outcome…</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>C&amp;lose</translation>
    </message>
    <message>
        <source>Ca&amp;ncel the referral…</source>
        <translation>Ca&amp;ncel the referral…</translation>
    </message>
    <message>
        <source>She arr&amp;ived</source>
        <translation>She arr&amp;ived</translation>
    </message>
</context>
<context>
    <name>ReferralWorkbench</name>
    <message>
        <source>Referrals</source>
        <translation>Referrals</translation>
    </message>
    <message>
        <source>Re&amp;fer her…</source>
        <translation>Re&amp;fer her…</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Referred to %1: %2</source>
        <translation>Referred to %1: %2</translation>
    </message>
    <message>
        <source>Referred from %1: %2</source>
        <translation>Referred from %1: %2</translation>
    </message>
    <message>
        <source>her high-risk case file as it stands</source>
        <translation>her high-risk case file as it stands</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n min</source>
        <translation>
            <numerusform>%1, %n min</numerusform>
            <numerusform>%1, %n min</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>images of %1</source>
        <translation>images of %1</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Open the chart of the woman to refer first.</source>
        <translation>Open the chart of the woman to refer first.</translation>
    </message>
    <message>
        <source>The region&apos;s clinics are not known here yet: sign in to the regional center and sync once.</source>
        <translation>The region&apos;s clinics are not known here yet: sign in to the regional center and sync once.</translation>
    </message>
    <message>
        <source>return-slip-%1.pdf</source>
        <translation>return-slip-%1.pdf</translation>
    </message>
    <message>
        <source>referral-%1.pdf</source>
        <translation>referral-%1.pdf</translation>
    </message>
    <message>
        <source>Save the return slip</source>
        <translation>Save the return slip</translation>
    </message>
    <message>
        <source>Save the referral form</source>
        <translation>Save the referral form</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Saved to %1</translation>
    </message>
    <message>
        <source>Referral f&amp;igures…</source>
        <translation>Referral f&amp;igures…</translation>
    </message>
    <message>
        <source>Ask for a c&amp;onsultation…</source>
        <translation>Ask for a c&amp;onsultation…</translation>
    </message>
    <message>
        <source>opinion not read yet</source>
        <translation>opinion not read yet</translation>
    </message>
    <message>
        <source>%1, overdue</source>
        <translation>%1, overdue</translation>
    </message>
    <message>
        <source>Consultation asked of %1: %2</source>
        <translation>Consultation asked of %1: %2</translation>
    </message>
    <message>
        <source>Consultation asked by %1: %2</source>
        <translation>Consultation asked by %1: %2</translation>
    </message>
    <message>
        <source>Open the chart of the woman to ask about first.</source>
        <translation>Open the chart of the woman to ask about first.</translation>
    </message>
    <message>
        <source>%1 asked for this reading (%2): “%3”. Signing answers the consultation; the signed text is the opinion sent back.</source>
        <translation>%1 asked for this reading (%2): “%3”. Signing answers the consultation; the signed text is the opinion sent back.</translation>
    </message>
    <message>
        <source>The consultation could not be answered: %1</source>
        <translation>The consultation could not be answered: %1</translation>
    </message>
    <message>
        <source>Consultation answered: the signed reading goes back at the next sync.</source>
        <translation>Consultation answered: the signed reading goes back at the next sync.</translation>
    </message>
</context>
<context>
    <name>ReferralWorklist</name>
    <message>
        <source>Urgency</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Clinic</source>
        <translation>Clinic</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>Last step</source>
        <translation>Last step</translation>
    </message>
    <message>
        <source>Incoming referrals (%1 waiting)</source>
        <translation>Incoming referrals (%1 waiting)</translation>
    </message>
    <message>
        <source>Outgoing referrals (%1 waiting)</source>
        <translation>Outgoing referrals (%1 waiting)</translation>
    </message>
    <message>
        <source> (steps crossed: see the timeline)</source>
        <translation> (steps crossed: see the timeline)</translation>
    </message>
    <message>
        <source>not sent</source>
        <translation>not sent</translation>
    </message>
    <message>
        <source>Consultation (%1): %2</source>
        <translation>Consultation (%1): %2</translation>
    </message>
    <message>
        <source> — answer overdue</source>
        <translation> — answer overdue</translation>
    </message>
    <message>
        <source>Consultations to answer (%1 waiting)</source>
        <translation>Consultations to answer (%1 waiting)</translation>
    </message>
    <message>
        <source>Consultations asked (%1 to read)</source>
        <translation>Consultations asked (%1 to read)</translation>
    </message>
</context>
<context>
    <name>Referrals</name>
    <message>
        <source>Up-referral</source>
        <translation>Up-referral</translation>
    </message>
    <message>
        <source>Down-referral</source>
        <translation>Down-referral</translation>
    </message>
    <message>
        <source>Emergency</source>
        <translation>Emergency</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <source>Routine</source>
        <translation>Routine</translation>
    </message>
    <message>
        <source>CTG trace</source>
        <translation>CTG trace</translation>
    </message>
    <message>
        <source>Ultrasound study</source>
        <translation>Ultrasound study</translation>
    </message>
    <message>
        <source>Ultrasound report</source>
        <translation>Ultrasound report</translation>
    </message>
    <message>
        <source>Laboratory result</source>
        <translation>Laboratory result</translation>
    </message>
    <message>
        <source>High-risk case summary</source>
        <translation>High-risk case summary</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>Referral</translation>
    </message>
    <message>
        <source>Consultation</source>
        <translation>Consultation</translation>
    </message>
    <message>
        <source>General consultation</source>
        <translation>General consultation</translation>
    </message>
    <message>
        <source>CTG reading</source>
        <translation>CTG reading</translation>
    </message>
    <message>
        <source>Ultrasound reading</source>
        <translation>Ultrasound reading</translation>
    </message>
</context>
<context>
    <name>ReferralsView</name>
    <message>
        <source>New &amp;referral…</source>
        <translation>New &amp;referral…</translation>
    </message>
    <message>
        <source>&amp;Edit draft…</source>
        <translation>&amp;Edit draft…</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>Written</translation>
    </message>
    <message>
        <source>With</source>
        <translation>With</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>to %1</source>
        <translation>to %1</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>from %1</translation>
    </message>
    <message>
        <source>No referral for this pregnancy.</source>
        <translation>No referral for this pregnancy.</translation>
    </message>
    <message>
        <source>%1, %2 — %3</source>
        <translation>%1, %2 — %3</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>From:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>To:</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <source>Diagnosis:</source>
        <translation>Diagnosis:</translation>
    </message>
    <message>
        <source>Risk items:</source>
        <translation>Risk items:</translation>
    </message>
    <message>
        <source>; </source>
        <translation>; </translation>
    </message>
    <message>
        <source>Clinical summary:</source>
        <translation>Clinical summary:</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Sent with it:</source>
        <translation>Sent with it:</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <source>%1 · %2 · %3: %4</source>
        <translation>%1 · %2 · %3: %4</translation>
    </message>
    <message>
        <source> (%1)</source>
        <translation> (%1)</translation>
    </message>
    <message>
        <source>— taken after the referral had become “%1” at the other clinic; kept as taken.</source>
        <translation>— taken after the referral had become “%1” at the other clinic; kept as taken.</translation>
    </message>
    <message>
        <source>What was done:</source>
        <translation>What was done:</translation>
    </message>
    <message>
        <source>Plan:</source>
        <translation>Plan:</translation>
    </message>
    <message>
        <source>Advice for her clinic:</source>
        <translation>Advice for her clinic:</translation>
    </message>
    <message>
        <source>Draft, not sent yet.</source>
        <translation>Draft, not sent yet.</translation>
    </message>
    <message>
        <source>Referral &amp;form (PDF)…</source>
        <translation>Referral &amp;form (PDF)…</translation>
    </message>
    <message>
        <source>Return &amp;slip (PDF)…</source>
        <translation>Return &amp;slip (PDF)…</translation>
    </message>
    <message>
        <source>New cons&amp;ultation…</source>
        <translation>New cons&amp;ultation…</translation>
    </message>
    <message>
        <source>Refer her to another clinic of the region (Ctrl+Shift+F)</source>
        <translation>Refer her to another clinic of the region (Ctrl+Shift+F)</translation>
    </message>
    <message>
        <source>Ask another clinic&apos;s opinion on her record, a CTG trace or a scan (Ctrl+Shift+C)</source>
        <translation>Ask another clinic&apos;s opinion on her record, a CTG trace or a scan (Ctrl+Shift+C)</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Write the &amp;opinion…</source>
        <translation>Write the &amp;opinion…</translation>
    </message>
    <message>
        <source>Question:</source>
        <translation>Question:</translation>
    </message>
    <message>
        <source>Opinion:</source>
        <translation>Opinion:</translation>
    </message>
    <message>
        <source>Recommendation:</source>
        <translation>Recommendation:</translation>
    </message>
    <message>
        <source>Signed by:</source>
        <translation>Signed by:</translation>
    </message>
    <message>
        <source>&amp;Mark as read</source>
        <translation>&amp;Mark as read</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <source>Open the signed &amp;reading</source>
        <translation>Open the signed &amp;reading</translation>
    </message>
    <message>
        <source>Double-click an item to open it</source>
        <translation>Double-click an item to open it</translation>
    </message>
    <message>
        <source>Read the &amp;trace and sign…</source>
        <translation>Read the &amp;trace and sign…</translation>
    </message>
    <message>
        <source>Read the &amp;study and sign the report…</source>
        <translation>Read the &amp;study and sign the report…</translation>
    </message>
    <message>
        <source>Nothing attached.</source>
        <translation>Nothing attached.</translation>
    </message>
    <message>
        <source>Answered with:</source>
        <translation>Answered with:</translation>
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
    <message>
        <source>Green</source>
        <translation>Green</translation>
    </message>
    <message>
        <source>Yellow</source>
        <translation>Yellow</translation>
    </message>
    <message>
        <source>Orange</source>
        <translation>Orange</translation>
    </message>
    <message>
        <source>Red</source>
        <translation>Red</translation>
    </message>
    <message>
        <source>Purple</source>
        <translation>Purple</translation>
    </message>
</context>
<context>
    <name>RiskEngine</name>
    <message>
        <source>&quot;%1&quot; is not an item of rule set %2 %3.</source>
        <translation>&quot;%1&quot; is not an item of rule set %2 %3.</translation>
    </message>
    <message>
        <source>Item %1 is computed from the record and cannot be ticked.</source>
        <translation>Item %1 is computed from the record and cannot be ticked.</translation>
    </message>
</context>
<context>
    <name>RiskJson</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>is required (YYYY-MM-DD).</source>
        <translation>is required (YYYY-MM-DD).</translation>
    </message>
    <message>
        <source>must be a date written YYYY-MM-DD.</source>
        <translation>must be a date written YYYY-MM-DD.</translation>
    </message>
    <message>
        <source>must be a number.</source>
        <translation>must be a number.</translation>
    </message>
    <message>
        <source>must be a whole number.</source>
        <translation>must be a whole number.</translation>
    </message>
    <message>
        <source>%1 is impossible here (expected %2 to %3).</source>
        <translation>%1 is impossible here (expected %2 to %3).</translation>
    </message>
    <message>
        <source>must be &quot;positive&quot; or &quot;negative&quot;.</source>
        <translation>must be &quot;positive&quot; or &quot;negative&quot;.</translation>
    </message>
    <message>
        <source>%1: unknown key (allowed: %2).</source>
        <translation>%1: unknown key (allowed: %2).</translation>
    </message>
    <message>
        <source>must be an object with systolic and diastolic.</source>
        <translation>must be an object with systolic and diastolic.</translation>
    </message>
    <message>
        <source>needs both systolic and diastolic.</source>
        <translation>needs both systolic and diastolic.</translation>
    </message>
    <message>
        <source>diastolic must be lower than systolic.</source>
        <translation>diastolic must be lower than systolic.</translation>
    </message>
    <message>
        <source>must be before assessedOn.</source>
        <translation>must be before assessedOn.</translation>
    </message>
    <message>
        <source>gives an impossible age for a pregnancy.</source>
        <translation>gives an impossible age for a pregnancy.</translation>
    </message>
    <message>
        <source>is after assessedOn.</source>
        <translation>is after assessedOn.</translation>
    </message>
    <message>
        <source>is before the birth date.</source>
        <translation>is before the birth date.</translation>
    </message>
    <message>
        <source>is given but uterineSurgeries is 0.</source>
        <translation>is given but uterineSurgeries is 0.</translation>
    </message>
    <message>
        <source>must be an object.</source>
        <translation>must be an object.</translation>
    </message>
    <message>
        <source>must be an array of readings.</source>
        <translation>must be an array of readings.</translation>
    </message>
    <message>
        <source>must be cephalic, breech, transverse, oblique or unknown.</source>
        <translation>must be cephalic, breech, transverse, oblique or unknown.</translation>
    </message>
    <message>
        <source>must be an array of rule ids.</source>
        <translation>must be an array of rule ids.</translation>
    </message>
    <message>
        <source>must contain rule ids as strings.</source>
        <translation>must contain rule ids as strings.</translation>
    </message>
    <message>
        <source>The input is not valid JSON: %1 (at byte %2).</source>
        <translation>The input is not valid JSON: %1 (at byte %2).</translation>
    </message>
    <message>
        <source>The input must be one JSON object {&quot;assessedOn&quot;: ...}, not an array or a value.</source>
        <translation>The input must be one JSON object {&quot;assessedOn&quot;: ...}, not an array or a value.</translation>
    </message>
    <message>
        <source>%1 is impossible in g/L (expected 20 to 250; a value in g/dL is multiplied by 10).</source>
        <translation>%1 is impossible in g/L (expected 20 to 250; a value in g/dL is multiplied by 10).</translation>
    </message>
</context>
<context>
    <name>RiskPanel</name>
    <message>
        <source>&amp;Confirm proposed grade</source>
        <translation>&amp;Confirm proposed grade</translation>
    </message>
    <message>
        <source>Grade &amp;differently…</source>
        <translation>Grade &amp;differently…</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Color</source>
        <translation>Color</translation>
    </message>
    <message>
        <source>Why (evidence)</source>
        <translation>Why (evidence)</translation>
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
        <source>Grade</source>
        <translation>Grade</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>&amp;Assessment form…</source>
        <translation>&amp;Assessment form…</translation>
    </message>
    <message>
        <source>Proposed by the rules</source>
        <translation>Proposed by the rules</translation>
    </message>
    <message>
        <source>Grade history:</source>
        <translation>Grade history:</translation>
    </message>
    <message>
        <source>%1 on %2 by %3</source>
        <translation>%1 on %2 by %3</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <source>Graded differently</source>
        <translation>Graded differently</translation>
    </message>
    <message>
        <source>No grade decided yet.</source>
        <translation>No grade decided yet.</translation>
    </message>
    <message>
        <source>The record now calls for this grade (%1). Confirm it, or grade differently with a reason.</source>
        <translation>The record now calls for this grade (%1). Confirm it, or grade differently with a reason.</translation>
    </message>
    <message>
        <source>Nothing new to decide: the rules agree with the decided grade.</source>
        <translation>Nothing new to decide: the rules agree with the decided grade.</translation>
    </message>
    <message>
        <source>proposed</source>
        <translation>proposed</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>confirmed</translation>
    </message>
    <message>
        <source>graded differently</source>
        <translation>graded differently</translation>
    </message>
    <message>
        <source>Suggested — please check: %1</source>
        <translation>Suggested — please check: %1</translation>
    </message>
    <message>
        <source>Grade differently</source>
        <translation>Grade differently</translation>
    </message>
    <message>
        <source>no infectious disease</source>
        <translation>no infectious disease</translation>
    </message>
    <message>
        <source>Why does this woman&apos;s grade differ from the rules&apos; proposal? (required)</source>
        <translation>Why does this woman&apos;s grade differ from the rules&apos; proposal? (required)</translation>
    </message>
    <message>
        <source>Grade:</source>
        <translation>Grade:</translation>
    </message>
    <message>
        <source>Purple:</source>
        <translation>Purple:</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <source>Grade along the pregnancy</source>
        <translation>Grade along the pregnancy</translation>
    </message>
    <message>
        <source>gestational age (weeks)</source>
        <translation>gestational age (weeks)</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Condition</translation>
    </message>
    <message>
        <source>Seen in</source>
        <translation>Seen in</translation>
    </message>
    <message>
        <source>&amp;Screening form…</source>
        <translation>&amp;Screening form…</translation>
    </message>
    <message>
        <source>孕产妇妊娠风险筛查表: at the first antenatal visit</source>
        <translation>孕产妇妊娠风险筛查表: at the first antenatal visit</translation>
    </message>
    <message>
        <source>孕产妇妊娠风险评估表: tick findings by organ system</source>
        <translation>孕产妇妊娠风险评估表: tick findings by organ system</translation>
    </message>
    <message>
        <source>Layer 1 — decided grade and what it calls for</source>
        <translation>Layer 1 — decided grade and what it calls for</translation>
    </message>
    <message>
        <source>Layer 1 — items that set the grade, with their evidence</source>
        <translation>Layer 1 — items that set the grade, with their evidence</translation>
    </message>
    <message>
        <source>Layer 2 — disease profile: conditions by organ system and where they were seen</source>
        <translation>Layer 2 — disease profile: conditions by organ system and where they were seen</translation>
    </message>
    <message>
        <source>Not graded yet: screen her at the first antenatal visit (Screening form), then assess and grade.</source>
        <translation>Not graded yet: screen her at the first antenatal visit (Screening form), then assess and grade.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Level of care:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Level of care:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Purple:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Purple:&lt;/b&gt; %1</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Dedicated case management (专案管理):&lt;/b&gt; a named doctor and nurse follow her through pregnancy and after birth; contact at least every %n day(s).</source>
        <translation>
            <numerusform>&lt;b&gt;Dedicated case management (专案管理):&lt;/b&gt; a named doctor and nurse follow her through pregnancy and after birth; contact at least every %n day.</numerusform>
            <numerusform>&lt;b&gt;Dedicated case management (专案管理):&lt;/b&gt; a named doctor and nurse follow her through pregnancy and after birth; contact at least every %n days.</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;Case management:&lt;/b&gt; not needed for this grade.</source>
        <translation>&lt;b&gt;Case management:&lt;/b&gt; not needed for this grade.</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Report&lt;/b&gt; to the district MCH institution within %n working day(s) of the decision.</source>
        <translation>
            <numerusform>&lt;b&gt;Report&lt;/b&gt; to the district MCH institution within %n working day of the decision.</numerusform>
            <numerusform>&lt;b&gt;Report&lt;/b&gt; to the district MCH institution within %n working days of the decision.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Report&lt;/b&gt; to the district MCH institution within %n day(s) of the decision.</source>
        <translation>
            <numerusform>&lt;b&gt;Report&lt;/b&gt; to the district MCH institution within %n day of the decision.</numerusform>
            <numerusform>&lt;b&gt;Report&lt;/b&gt; to the district MCH institution within %n days of the decision.</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;Screening (筛查):&lt;/b&gt; not done yet — use the Screening form at the first antenatal visit.</source>
        <translation>&lt;b&gt;Screening (筛查):&lt;/b&gt; not done yet — use the Screening form at the first antenatal visit.</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Screening (筛查):&lt;/b&gt; ▲ positive on %1 by %2 (%n item(s)) — assess and grade her.</source>
        <translation>
            <numerusform>&lt;b&gt;Screening (筛查):&lt;/b&gt; ▲ positive on %1 by %2 (%n item) — assess and grade her.</numerusform>
            <numerusform>&lt;b&gt;Screening (筛查):&lt;/b&gt; ▲ positive on %1 by %2 (%n items) — assess and grade her.</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;Screening (筛查):&lt;/b&gt; ● negative on %1 by %2 — green.</source>
        <translation>&lt;b&gt;Screening (筛查):&lt;/b&gt; ● negative on %1 by %2 — green.</translation>
    </message>
    <message>
        <source>No condition known from history or findings.</source>
        <translation>No condition known from history or findings.</translation>
    </message>
    <message>
        <source>%1 (suggested, not yet confirmed)</source>
        <translation>%1 (suggested, not yet confirmed)</translation>
    </message>
    <message>
        <source>%1 (history from the screening)</source>
        <translation>%1 (history from the screening)</translation>
    </message>
    <message>
        <source>to weigh</source>
        <translation>to weigh</translation>
    </message>
</context>
<context>
    <name>RleHeader</name>
    <message>
        <source>The RLE-compressed frame is damaged: %1.</source>
        <translation>The RLE-compressed frame is damaged: %1.</translation>
    </message>
    <message>
        <source>its header is incomplete</source>
        <translation>its header is incomplete</translation>
    </message>
    <message>
        <source>it has %1 segments where the image needs %2</source>
        <translation>it has %1 segments where the image needs %2</translation>
    </message>
    <message>
        <source>segment %1 starts outside the frame</source>
        <translation>segment %1 starts outside the frame</translation>
    </message>
</context>
<context>
    <name>RuleSet</name>
    <message>
        <source>Rule %1: a condition must be an object.</source>
        <translation>Rule %1: a condition must be an object.</translation>
    </message>
    <message>
        <source>Rule %1: %2 needs at least one condition.</source>
        <translation>Rule %1: %2 needs at least one condition.</translation>
    </message>
    <message>
        <source>Rule %1: unknown input &quot;%2&quot;.</source>
        <translation>Rule %1: unknown input &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>Rule %1: &quot;equals&quot; must be true or false.</source>
        <translation>Rule %1: &quot;equals&quot; must be true or false.</translation>
    </message>
    <message>
        <source>Rule %1: bound &quot;%2&quot; must be a number.</source>
        <translation>Rule %1: bound &quot;%2&quot; must be a number.</translation>
    </message>
    <message>
        <source>Rule %1: two %2 bounds.</source>
        <translation>Rule %1: two %2 bounds.</translation>
    </message>
    <message>
        <source>Rule %1: a range needs above, atLeast, below or atMost.</source>
        <translation>Rule %1: a range needs above, atLeast, below or atMost.</translation>
    </message>
    <message>
        <source>Rule %1: the lower bound is above the upper bound.</source>
        <translation>Rule %1: the lower bound is above the upper bound.</translation>
    </message>
    <message>
        <source>The rule set file %1 cannot be read.</source>
        <translation>The rule set file %1 cannot be read.</translation>
    </message>
    <message>
        <source>The rule set is not valid JSON: %1 (at byte %2).</source>
        <translation>The rule set is not valid JSON: %1 (at byte %2).</translation>
    </message>
    <message>
        <source>The rule set needs an id and a version.</source>
        <translation>The rule set needs an id and a version.</translation>
    </message>
    <message>
        <source>Level &quot;%1&quot; is missing an id or is defined twice.</source>
        <translation>Level &quot;%1&quot; is missing an id or is defined twice.</translation>
    </message>
    <message>
        <source>Level %1 needs its own rank (0 = lowest).</source>
        <translation>Level %1 needs its own rank (0 = lowest).</translation>
    </message>
    <message>
        <source>The default level &quot;%1&quot; is not a grade of this rule set.</source>
        <translation>The default level &quot;%1&quot; is not a grade of this rule set.</translation>
    </message>
    <message>
        <source>The rule set has no rules.</source>
        <translation>The rule set has no rules.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a rule id (color and clause number, e.g. yellow.1.1).</source>
        <translation>&quot;%1&quot; is not a rule id (color and clause number, e.g. yellow.1.1).</translation>
    </message>
    <message>
        <source>Rule %1 is defined twice.</source>
        <translation>Rule %1 is defined twice.</translation>
    </message>
    <message>
        <source>Rule %1 names level &quot;%2&quot;, which is not its color or not in this set.</source>
        <translation>Rule %1 names level &quot;%2&quot;, which is not its color or not in this set.</translation>
    </message>
    <message>
        <source>Rule %1 names an unknown group &quot;%2&quot;.</source>
        <translation>Rule %1 names an unknown group &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>Rule %1 needs both a Chinese and an English label.</source>
        <translation>Rule %1 needs both a Chinese and an English label.</translation>
    </message>
    <message>
        <source>Rule %1 can never fire: it has no condition and is not a clinician finding.</source>
        <translation>Rule %1 can never fire: it has no condition and is not a clinician finding.</translation>
    </message>
    <message>
        <source>Level %1 needs its care text in both Chinese and English.</source>
        <translation>Level %1 needs its care text in both Chinese and English.</translation>
    </message>
    <message>
        <source>%1: unknown key &quot;%2&quot; (allowed: %3).</source>
        <translation>%1: unknown key &quot;%2&quot; (allowed: %3).</translation>
    </message>
    <message>
        <source>Rule %1, condition</source>
        <translation>Rule %1, condition</translation>
    </message>
    <message>
        <source>Rule %1: a condition is exactly one of anyOf, allOf or an input with its bounds.</source>
        <translation>Rule %1: a condition is exactly one of anyOf, allOf or an input with its bounds.</translation>
    </message>
    <message>
        <source>The rule set</source>
        <translation>The rule set</translation>
    </message>
    <message>
        <source>Level %1</source>
        <translation>Level %1</translation>
    </message>
    <message>
        <source>Level %1: kind &quot;%2&quot; is neither &quot;grade&quot; nor &quot;flag&quot;.</source>
        <translation>Level %1: kind &quot;%2&quot; is neither &quot;grade&quot; nor &quot;flag&quot;.</translation>
    </message>
    <message>
        <source>Rule %1</source>
        <translation>Rule %1</translation>
    </message>
    <message>
        <source>Rule %1: &quot;clinicianFinding&quot; must be true or false.</source>
        <translation>Rule %1: &quot;clinicianFinding&quot; must be true or false.</translation>
    </message>
</context>
<context>
    <name>ScreeningChecklist</name>
    <message>
        <source>&quot;%1&quot; is not an item of screening form %2 %3.</source>
        <translation>&quot;%1&quot; is not an item of screening form %2 %3.</translation>
    </message>
    <message>
        <source>The screening form file %1 cannot be read.</source>
        <translation>The screening form file %1 cannot be read.</translation>
    </message>
    <message>
        <source>The screening form is not valid JSON: %1 (at byte %2).</source>
        <translation>The screening form is not valid JSON: %1 (at byte %2).</translation>
    </message>
    <message>
        <source>The screening form needs an id and a version.</source>
        <translation>The screening form needs an id and a version.</translation>
    </message>
    <message>
        <source>The screening form belongs to rule set &quot;%1&quot;, but the active rule set is &quot;%2&quot;.</source>
        <translation>The screening form belongs to rule set &quot;%1&quot;, but the active rule set is &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>Part &quot;%1&quot; needs its own id and a Chinese and an English label.</source>
        <translation>Part &quot;%1&quot; needs its own id and a Chinese and an English label.</translation>
    </message>
    <message>
        <source>Section &quot;%1&quot; needs its own id and a Chinese and an English label.</source>
        <translation>Section &quot;%1&quot; needs its own id and a Chinese and an English label.</translation>
    </message>
    <message>
        <source>Section %1 names an unknown part &quot;%2&quot;.</source>
        <translation>Section %1 names an unknown part &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a screening item id (screen. and the clause number, e.g. screen.1.1).</source>
        <translation>&quot;%1&quot; is not a screening item id (screen. and the clause number, e.g. screen.1.1).</translation>
    </message>
    <message>
        <source>Screening item %1 is defined twice.</source>
        <translation>Screening item %1 is defined twice.</translation>
    </message>
    <message>
        <source>Screening item %1 names an unknown section &quot;%2&quot;.</source>
        <translation>Screening item %1 names an unknown section &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>Screening item %1 names group &quot;%2&quot;, which rule set %3 does not have.</source>
        <translation>Screening item %1 names group &quot;%2&quot;, which rule set %3 does not have.</translation>
    </message>
    <message>
        <source>Screening item %1 needs both a Chinese and an English label.</source>
        <translation>Screening item %1 needs both a Chinese and an English label.</translation>
    </message>
    <message>
        <source>Screening item %1 suggests &quot;%2&quot;, which is not a finding of rule set %3.</source>
        <translation>Screening item %1 suggests &quot;%2&quot;, which is not a finding of rule set %3.</translation>
    </message>
    <message>
        <source>The screening form has no items.</source>
        <translation>The screening form has no items.</translation>
    </message>
</context>
<context>
    <name>ScreeningDialog</name>
    <message>
        <source>Pregnancy risk screening (筛查) — %1</source>
        <translation>Pregnancy risk screening (筛查) — %1</translation>
    </message>
    <message>
        <source>Tick what applies to her</source>
        <translation>Tick what applies to her</translation>
    </message>
    <message>
        <source>From the record</source>
        <translation>From the record</translation>
    </message>
    <message>
        <source>Clause</source>
        <translation>Clause</translation>
    </message>
    <message>
        <source>Details (e.g. which heart operation, when)</source>
        <translation>Details (e.g. which heart operation, when)</translation>
    </message>
    <message>
        <source>First antenatal visit: tick every item that applies. Blue rows are answered by the data already entered (from the record). One item ticked makes the screen positive: she is then assessed and graded (评估分级).</source>
        <translation>First antenatal visit: tick every item that applies. Blue rows are answered by the data already entered (from the record). One item ticked makes the screen positive: she is then assessed and graded (评估分级).</translation>
    </message>
    <message>
        <source>Details:</source>
        <translation>Details:</translation>
    </message>
    <message>
        <source>Yes, from the record: %1</source>
        <translation>Yes, from the record: %1</translation>
    </message>
    <message>
        <source>No, from the record</source>
        <translation>No, from the record</translation>
    </message>
    <message>
        <source>Not in the record yet: ask or examine her</source>
        <translation>Not in the record yet: ask or examine her</translation>
    </message>
    <message numerus="yes">
        <source>▲ Screen POSITIVE (%n item(s) apply): assess and grade her now (评估分级) on the assessment form.</source>
        <translation>
            <numerusform>▲ Screen POSITIVE (%n item apply): assess and grade her now (评估分级) on the assessment form.</numerusform>
            <numerusform>▲ Screen POSITIVE (%n items apply): assess and grade her now (评估分级) on the assessment form.</numerusform>
        </translation>
    </message>
    <message>
        <source>Save and &amp;assess…</source>
        <translation>Save and &amp;assess…</translation>
    </message>
    <message>
        <source>● Screen negative: no item applies — green (low risk), routine antenatal care.</source>
        <translation>● Screen negative: no item applies — green (low risk), routine antenatal care.</translation>
    </message>
    <message>
        <source>&amp;Save screening</source>
        <translation>&amp;Save screening</translation>
    </message>
</context>
<context>
    <name>ScreeningService</name>
    <message>
        <source>There is no pregnancy to screen.</source>
        <translation>There is no pregnancy to screen.</translation>
    </message>
    <message>
        <source>A screening is recorded by a named clinician.</source>
        <translation>A screening is recorded by a named clinician.</translation>
    </message>
</context>
<context>
    <name>SegmentedPalette</name>
    <message>
        <source>an indirect segment reaches past the end of the data</source>
        <translation>an indirect segment reaches past the end of the data</translation>
    </message>
    <message>
        <source>a segment is cut short</source>
        <translation>a segment is cut short</translation>
    </message>
    <message>
        <source>a discrete segment is cut short</source>
        <translation>a discrete segment is cut short</translation>
    </message>
    <message>
        <source>the segments give more than 65536 entries</source>
        <translation>the segments give more than 65536 entries</translation>
    </message>
    <message>
        <source>a linear segment comes first</source>
        <translation>a linear segment comes first</translation>
    </message>
    <message>
        <source>a linear segment is cut short</source>
        <translation>a linear segment is cut short</translation>
    </message>
    <message>
        <source>an indirect segment comes first</source>
        <translation>an indirect segment comes first</translation>
    </message>
    <message>
        <source>an indirect segment is cut short</source>
        <translation>an indirect segment is cut short</translation>
    </message>
    <message>
        <source>indirect segments are nested too deeply</source>
        <translation>indirect segments are nested too deeply</translation>
    </message>
    <message>
        <source>unknown segment type %1</source>
        <translation>unknown segment type %1</translation>
    </message>
    <message>
        <source>red</source>
        <translation>red</translation>
    </message>
    <message>
        <source>green</source>
        <translation>green</translation>
    </message>
    <message>
        <source>blue</source>
        <translation>blue</translation>
    </message>
    <message>
        <source>The %1 segmented palette cannot be read: %2.</source>
        <translation>The %1 segmented palette cannot be read: %2.</translation>
    </message>
    <message>
        <source>the segments give %1 entries but the descriptor says %2</source>
        <translation>the segments give %1 entries but the descriptor says %2</translation>
    </message>
    <message>
        <source>it is missing</source>
        <translation>it is missing</translation>
    </message>
    <message>
        <source>its descriptor is missing or incomplete</source>
        <translation>its descriptor is missing or incomplete</translation>
    </message>
    <message>
        <source>its data is empty</source>
        <translation>its data is empty</translation>
    </message>
    <message>
        <source>entries of %1 bits cannot be expanded</source>
        <translation>entries of %1 bits cannot be expanded</translation>
    </message>
    <message>
        <source>a palette of %1 entries is impossible</source>
        <translation>a palette of %1 entries is impossible</translation>
    </message>
    <message>
        <source>its indirect segments copy each other too often</source>
        <translation>its indirect segments copy each other too often</translation>
    </message>
    <message>
        <source>an indirect segment points between two entries</source>
        <translation>an indirect segment points between two entries</translation>
    </message>
    <message>
        <source>an indirect segment points at itself or further on</source>
        <translation>an indirect segment points at itself or further on</translation>
    </message>
</context>
<context>
    <name>SeriesBrowser</name>
    <message numerus="yes">
        <source>Reading %n file(s)…</source>
        <translation>
            <numerusform>Reading %n file…</numerusform>
            <numerusform>Reading %n files…</numerusform>
        </translation>
    </message>
    <message>
        <source>Study</source>
        <translation>Study</translation>
    </message>
    <message>
        <source>Series %1</source>
        <translation>Series %1</translation>
    </message>
    <message numerus="yes">
        <source>Image %1 · cine, %n frame(s)</source>
        <translation>
            <numerusform>Image %1 · cine, %n frame</numerusform>
            <numerusform>Image %1 · cine, %n frames</numerusform>
        </translation>
    </message>
    <message>
        <source>Image %1</source>
        <translation>Image %1</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s); %1 file(s) are not readable DICOM and are not shown.</source>
        <translation>
            <numerusform>%n image; %1 file are not readable DICOM and are not shown.</numerusform>
            <numerusform>%n images; %1 files are not readable DICOM and are not shown.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n image</numerusform>
            <numerusform>%n images</numerusform>
        </translation>
    </message>
    <message>
        <source>Measurements report from the ultrasound machine</source>
        <translation>Measurements report from the ultrasound machine</translation>
    </message>
</context>
<context>
    <name>SessionLock</name>
    <message>
        <source>ObsLink is locked</source>
        <translation>ObsLink is locked</translation>
    </message>
    <message>
        <source>Locked after a time without use, to keep patient records private. %1, enter your password to go on.</source>
        <translation>Locked after a time without use, to keep patient records private. %1, enter your password to go on.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>The password is not right.</source>
        <translation>The password is not right.</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>ObsLink — sign in</source>
        <translation>ObsLink — sign in</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>User:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <source>Sign in with your account at the regional center (%1). Without a connection, the password of your last sign-in on this computer is accepted.</source>
        <translation>Sign in with your account at the regional center (%1). Without a connection, the password of your last sign-in on this computer is accepted.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Signing in…</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>New password:</translation>
    </message>
    <message>
        <source>Repeat it:</source>
        <translation>Repeat it:</translation>
    </message>
    <message>
        <source>The two new passwords differ; type the same one twice.</source>
        <translation>The two new passwords differ; type the same one twice.</translation>
    </message>
    <message>
        <source>Change and sign in</source>
        <translation>Change and sign in</translation>
    </message>
</context>
<context>
    <name>SignInThrottle</name>
    <message numerus="yes">
        <source>Too many wrong passwords from this computer; try again in %n minute(s), or ask your administrator to unlock the account.</source>
        <translation>
            <numerusform>Too many wrong passwords from this computer; try again in %n minute, or ask your administrator to unlock the account.</numerusform>
            <numerusform>Too many wrong passwords from this computer; try again in %n minutes, or ask your administrator to unlock the account.</numerusform>
        </translation>
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
    <name>StructuredReportReader</name>
    <message>
        <source>The file %1 cannot be read.</source>
        <translation>The file %1 cannot be read.</translation>
    </message>
    <message>
        <source>%1 is not a readable DICOM file (%2).</source>
        <translation>%1 is not a readable DICOM file (%2).</translation>
    </message>
    <message>
        <source>%1 is not a structured report (SOP class %2).</source>
        <translation>%1 is not a structured report (SOP class %2).</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>missing</translation>
    </message>
    <message>
        <source>The structured report %1 cannot be read: its content tree is malformed (%2).</source>
        <translation>The structured report %1 cannot be read: its content tree is malformed (%2).</translation>
    </message>
    <message>
        <source>The structured report %1 has no content.</source>
        <translation>The structured report %1 has no content.</translation>
    </message>
    <message>
        <source>The structured report %1 cannot be read: its content tree is malformed.</source>
        <translation>The structured report %1 cannot be read: its content tree is malformed.</translation>
    </message>
</context>
<context>
    <name>StudyCache</name>
    <message>
        <source>The study cache folder %1 cannot be written.</source>
        <translation>The study cache folder %1 cannot be written.</translation>
    </message>
</context>
<context>
    <name>StudyJson</name>
    <message>
        <source>The PACS answered the study search with something that is not DICOM JSON.</source>
        <translation>The PACS answered the study search with something that is not DICOM JSON.</translation>
    </message>
    <message>
        <source>The PACS listed a study without a valid Study Instance UID.</source>
        <translation>The PACS listed a study without a valid Study Instance UID.</translation>
    </message>
</context>
<context>
    <name>SurnameReadings</name>
    <message>
        <source>The table of surname readings %1 cannot be read.</source>
        <translation>The table of surname readings %1 cannot be read.</translation>
    </message>
    <message>
        <source>Line %1 of the table of surname readings %2 is not a surname of one or two characters, a tab and one reading per character.</source>
        <translation>Line %1 of the table of surname readings %2 is not a surname of one or two characters, a tab and one reading per character.</translation>
    </message>
    <message>
        <source>Line %1 of the table of surname readings %2 reads %3 as %4, which is not one of its readings.</source>
        <translation>Line %1 of the table of surname readings %2 reads %3 as %4, which is not one of its readings.</translation>
    </message>
</context>
<context>
    <name>SyncConflicts</name>
    <message>
        <source>This conflict has already been resolved.</source>
        <translation>This conflict has already been resolved.</translation>
    </message>
    <message>
        <source>A record the center sent that this workstation could not store is kept for the administrator; it cannot be chosen field by field.</source>
        <translation>A record the center sent that this workstation could not store is kept for the administrator; it cannot be chosen field by field.</translation>
    </message>
    <message>
        <source>The conflict names a field this workstation does not have.</source>
        <translation>The conflict names a field this workstation does not have.</translation>
    </message>
</context>
<context>
    <name>SyncEngine</name>
    <message>
        <source>The center&apos;s reply cannot be read: %1</source>
        <translation>The center&apos;s reply cannot be read: %1</translation>
    </message>
    <message>
        <source>The center did not keep the audit entries it was sent.</source>
        <translation>The center did not keep the audit entries it was sent.</translation>
    </message>
</context>
<context>
    <name>SyncJournal</name>
    <message>
        <source>The sync definition of %1 cannot be read.</source>
        <translation>The sync definition of %1 cannot be read.</translation>
    </message>
</context>
<context>
    <name>SyncStatusIndicator</name>
    <message>
        <source>Sync now</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>Send this clinic&apos;s changes to the regional center and fetch the region&apos;s (F9)</source>
        <translation>Send this clinic&apos;s changes to the regional center and fetch the region&apos;s (F9)</translation>
    </message>
    <message>
        <source>Not connected to the regional center</source>
        <translation>Not connected to the regional center</translation>
    </message>
    <message>
        <source>This clinic works on its own records. Settings → Regional center connects it.</source>
        <translation>This clinic works on its own records. Settings → Regional center connects it.</translation>
    </message>
    <message>
        <source>Sign-in needed</source>
        <translation>Sign-in needed</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>%1
Next attempt at %2. Work goes on here and is sent when the center is reachable.</source>
        <translation>%1
Next attempt at %2. Work goes on here and is sent when the center is reachable.</translation>
    </message>
    <message numerus="yes">
        <source>Syncing… %n record(s), %1</source>
        <translation>
            <numerusform>Syncing… %n record, %1</numerusform>
            <numerusform>Syncing… %n records, %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Sending this clinic&apos;s changes and fetching the region&apos;s.</source>
        <translation>Sending this clinic&apos;s changes and fetching the region&apos;s.</translation>
    </message>
    <message>
        <source>Synced %1</source>
        <translation>Synced %1</translation>
    </message>
    <message>
        <source>Up to date with the regional center.</source>
        <translation>Up to date with the regional center.</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) to send</source>
        <translation>
            <numerusform>%n change to send</numerusform>
            <numerusform>%n changes to send</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) refused by the center are kept here with the reason.</source>
        <translation>
            <numerusform>%n change refused by the center are kept here with the reason.</numerusform>
            <numerusform>%n changes refused by the center are kept here with the reason.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n conflict(s)</source>
        <translation>
            <numerusform>⚠ %n conflict</numerusform>
            <numerusform>⚠ %n conflicts</numerusform>
        </translation>
    </message>
    <message>
        <source>The same field was changed here and elsewhere: choose which value to keep.</source>
        <translation>The same field was changed here and elsewhere: choose which value to keep.</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>Sign in…</translation>
    </message>
    <message numerus="yes">
        <source>⚠ Clock off by %n min</source>
        <translation>
            <numerusform>⚠ Clock off by %n min</numerusform>
            <numerusform>⚠ Clock off by %n min</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncWorkbench</name>
    <message>
        <source>S&amp;ync with the regional center now</source>
        <translation>S&amp;ync with the regional center now</translation>
    </message>
    <message>
        <source>Sync &amp;conflicts…</source>
        <translation>Sync &amp;conflicts…</translation>
    </message>
    <message>
        <source>Regional &amp;center…</source>
        <translation>Regional &amp;center…</translation>
    </message>
    <message>
        <source>Sound for &amp;emergencies</source>
        <translation>Sound for &amp;emergencies</translation>
    </message>
    <message>
        <source>News from the regional center: syncing now.</source>
        <translation>News from the regional center: syncing now.</translation>
    </message>
    <message>
        <source>An emergency referral for this clinic has news: it is being synced now. See Worklists → Referrals.</source>
        <translation>An emergency referral for this clinic has news: it is being synced now. See Worklists → Referrals.</translation>
    </message>
    <message>
        <source>ObsLink — emergency</source>
        <translation>ObsLink — emergency</translation>
    </message>
</context>
<context>
    <name>TagBrowser</name>
    <message>
        <source>Filter by tag, name or value</source>
        <translation>Filter by tag, name or value</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>VR</source>
        <translation>VR</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
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
    <name>UltrasoundExamRecords</name>
    <message>
        <source>The pregnancy of this exam is no longer in the record.</source>
        <translation>The pregnancy of this exam is no longer in the record.</translation>
    </message>
</context>
<context>
    <name>UltrasoundExamsView</name>
    <message>
        <source>Open DICOM &amp;files…</source>
        <translation>Open DICOM &amp;files…</translation>
    </message>
    <message>
        <source>Open a DICOM f&amp;older…</source>
        <translation>Open a DICOM f&amp;older…</translation>
    </message>
    <message>
        <source>Exam date</source>
        <translation>Exam date</translation>
    </message>
    <message>
        <source>GA by ultrasound</source>
        <translation>GA by ultrasound</translation>
    </message>
    <message>
        <source>EFW (g)</source>
        <translation>EFW (g)</translation>
    </message>
    <message>
        <source>%1 (mm)</source>
        <translation>%1 (mm)</translation>
    </message>
    <message>
        <source>Dates the pregnancy</source>
        <translation>Dates the pregnancy</translation>
    </message>
    <message>
        <source>Open ultrasound images in the viewer; biometry measured there is saved to this pregnancy</source>
        <translation>Open ultrasound images in the viewer; biometry measured there is saved to this pregnancy</translation>
    </message>
    <message>
        <source>No current pregnancy: ultrasound exams are recorded for a pregnancy.</source>
        <translation>No current pregnancy: ultrasound exams are recorded for a pregnancy.</translation>
    </message>
    <message>
        <source>No ultrasound exam recorded yet. Open the images, measure the biometry and save it to the pregnancy.</source>
        <translation>No ultrasound exam recorded yet. Open the images, measure the biometry and save it to the pregnancy.</translation>
    </message>
    <message numerus="yes">
        <source>%n ultrasound exam(s), newest first.</source>
        <translation>
            <numerusform>%n ultrasound exam, newest first.</numerusform>
            <numerusform>%n ultrasound exams, newest first.</numerusform>
        </translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>Impression</source>
        <translation>Impression</translation>
    </message>
    <message>
        <source>Study</source>
        <translation>Study</translation>
    </message>
    <message>
        <source>No ultrasound report yet.</source>
        <translation>No ultrasound report yet.</translation>
    </message>
    <message numerus="yes">
        <source>%n ultrasound report(s):</source>
        <translation>
            <numerusform>%n ultrasound report:</numerusform>
            <numerusform>%n ultrasound reports:</numerusform>
        </translation>
    </message>
    <message>
        <source>Signed by %1, %2</source>
        <translation>Signed by %1, %2</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>Amendment: %1</source>
        <translation>Amendment: %1</translation>
    </message>
    <message>
        <source>Superseded: %1</source>
        <translation>Superseded: %1</translation>
    </message>
</context>
<context>
    <name>UltrasoundGestationalAge</name>
    <message>
        <source>A CRL above 84 mm (14+0) no longer dates the pregnancy: measure BPD, HC, AC and FL.</source>
        <translation>A CRL above 84 mm (14+0) no longer dates the pregnancy: measure BPD, HC, AC and FL.</translation>
    </message>
    <message>
        <source>NT does not date a pregnancy.</source>
        <translation>NT does not date a pregnancy.</translation>
    </message>
    <message>
        <source>Gestational age needs a CRL (first trimester) or BPD, HC, AC or FL.</source>
        <translation>Gestational age needs a CRL (first trimester) or BPD, HC, AC or FL.</translation>
    </message>
    <message>
        <source>CRL (Robinson)</source>
        <translation>CRL (Robinson)</translation>
    </message>
    <message>
        <source>Hadlock composite (BPD, HC, AC, FL)</source>
        <translation>Hadlock composite (BPD, HC, AC, FL)</translation>
    </message>
    <message numerus="yes">
        <source>Hadlock, average of %n measurement(s)</source>
        <translation>
            <numerusform>Hadlock, average of %n measurement</numerusform>
            <numerusform>Hadlock, average of %n measurements</numerusform>
        </translation>
    </message>
    <message>
        <source>Hadlock, one measurement</source>
        <translation>Hadlock, one measurement</translation>
    </message>
</context>
<context>
    <name>UltrasoundMeasurement</name>
    <message>
        <source>Not calibrated: this region of the image measures %1 across and %2 down, not centimetres.</source>
        <translation>Not calibrated: this region of the image measures %1 across and %2 down, not centimetres.</translation>
    </message>
    <message>
        <source>Not calibrated: the points do not all lie in one calibrated ultrasound region of the image.</source>
        <translation>Not calibrated: the points do not all lie in one calibrated ultrasound region of the image.</translation>
    </message>
    <message>
        <source>Not calibrated: the image carries neither ultrasound regions nor a pixel spacing.</source>
        <translation>Not calibrated: the image carries neither ultrasound regions nor a pixel spacing.</translation>
    </message>
</context>
<context>
    <name>UltrasoundReportForm</name>
    <message>
        <source>Reason for the amendment</source>
        <translation>Reason for the amendment</translation>
    </message>
    <message>
        <source>&amp;Save draft</source>
        <translation>&amp;Save draft</translation>
    </message>
    <message>
        <source>S&amp;ign report</source>
        <translation>S&amp;ign report</translation>
    </message>
    <message>
        <source>&amp;Amend…</source>
        <translation>&amp;Amend…</translation>
    </message>
    <message>
        <source>Export &amp;PDF…</source>
        <translation>Export &amp;PDF…</translation>
    </message>
    <message>
        <source>Ultrasound report</source>
        <translation>Ultrasound report</translation>
    </message>
    <message>
        <source>not stated</source>
        <translation>not stated</translation>
    </message>
    <message>
        <source>present</source>
        <translation>present</translation>
    </message>
    <message>
        <source>absent</source>
        <translation>absent</translation>
    </message>
    <message>
        <source> bpm</source>
        <translation> bpm</translation>
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
        <source>anterior, posterior, fundal, low-lying…</source>
        <translation>anterior, posterior, fundal, low-lying…</translation>
    </message>
    <message>
        <source> cm</source>
        <translation> cm</translation>
    </message>
    <message>
        <source>Measurement</source>
        <translation>Measurement</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Description of what the examination showed</source>
        <translation>Description of what the examination showed</translation>
    </message>
    <message>
        <source>Impression (diagnosis)</source>
        <translation>Impression (diagnosis)</translation>
    </message>
    <message>
        <source>Examination date</source>
        <translation>Examination date</translation>
    </message>
    <message>
        <source>Number of fetuses</source>
        <translation>Number of fetuses</translation>
    </message>
    <message>
        <source>Fetal heart activity</source>
        <translation>Fetal heart activity</translation>
    </message>
    <message>
        <source>Fetal heart rate</source>
        <translation>Fetal heart rate</translation>
    </message>
    <message>
        <source>Presentation</source>
        <translation>Presentation</translation>
    </message>
    <message>
        <source>Placenta location</source>
        <translation>Placenta location</translation>
    </message>
    <message>
        <source>Placenta grade</source>
        <translation>Placenta grade</translation>
    </message>
    <message>
        <source>Amniotic fluid index</source>
        <translation>Amniotic fluid index</translation>
    </message>
    <message>
        <source>Deepest pocket</source>
        <translation>Deepest pocket</translation>
    </message>
    <message>
        <source>Biometry</source>
        <translation>Biometry</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Impression</source>
        <translation>Impression</translation>
    </message>
    <message>
        <source>Reading doctor</source>
        <translation>Reading doctor</translation>
    </message>
    <message>
        <source>%1 mm</source>
        <translation>%1 mm</translation>
    </message>
    <message>
        <source>Estimated fetal weight (Hadlock)</source>
        <translation>Estimated fetal weight (Hadlock)</translation>
    </message>
    <message>
        <source>%1 g</source>
        <translation>%1 g</translation>
    </message>
    <message>
        <source>Gestational age by ultrasound</source>
        <translation>Gestational age by ultrasound</translation>
    </message>
    <message>
        <source>Signed by %1 on %2</source>
        <translation>Signed by %1 on %2</translation>
    </message>
    <message>
        <source>Draft, not signed</source>
        <translation>Draft, not signed</translation>
    </message>
    <message>
        <source>Amendment, not signed</source>
        <translation>Amendment, not signed</translation>
    </message>
    <message>
        <source>Draft saved.</source>
        <translation>Draft saved.</translation>
    </message>
    <message>
        <source>Report signed; it syncs to the requesting clinic.</source>
        <translation>Report signed; it syncs to the requesting clinic.</translation>
    </message>
    <message>
        <source>The signed report is kept; this amendment replaces it once signed.</source>
        <translation>The signed report is kept; this amendment replaces it once signed.</translation>
    </message>
    <message>
        <source>PDF saved: %1</source>
        <translation>PDF saved: %1</translation>
    </message>
    <message>
        <source>Export the report as PDF</source>
        <translation>Export the report as PDF</translation>
    </message>
    <message>
        <source>ultrasound-report.pdf</source>
        <translation>ultrasound-report.pdf</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
</context>
<context>
    <name>UltrasoundReportPdf</name>
    <message>
        <source>present</source>
        <translation>present</translation>
    </message>
    <message>
        <source>absent</source>
        <translation>absent</translation>
    </message>
    <message>
        <source>not stated</source>
        <translation>not stated</translation>
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
        <source>Obstetric ultrasound report</source>
        <translation>Obstetric ultrasound report</translation>
    </message>
    <message>
        <source>Amended report.</source>
        <translation>Amended report.</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Reason: %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>Examination date</source>
        <translation>Examination date</translation>
    </message>
    <message>
        <source>Study</source>
        <translation>Study</translation>
    </message>
    <message>
        <source>Study Instance UID</source>
        <translation>Study Instance UID</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Findings</translation>
    </message>
    <message>
        <source>Number of fetuses</source>
        <translation>Number of fetuses</translation>
    </message>
    <message>
        <source>Fetal heart activity</source>
        <translation>Fetal heart activity</translation>
    </message>
    <message>
        <source>Fetal heart rate</source>
        <translation>Fetal heart rate</translation>
    </message>
    <message>
        <source>bpm</source>
        <translation>bpm</translation>
    </message>
    <message>
        <source>Presentation</source>
        <translation>Presentation</translation>
    </message>
    <message>
        <source>Placenta</source>
        <translation>Placenta</translation>
    </message>
    <message>
        <source>grade %1</source>
        <translation>grade %1</translation>
    </message>
    <message>
        <source>Amniotic fluid index</source>
        <translation>Amniotic fluid index</translation>
    </message>
    <message>
        <source>cm</source>
        <translation>cm</translation>
    </message>
    <message>
        <source>Deepest pocket</source>
        <translation>Deepest pocket</translation>
    </message>
    <message>
        <source>Biometry</source>
        <translation>Biometry</translation>
    </message>
    <message>
        <source>Measurement</source>
        <translation>Measurement</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>mm</source>
        <translation>mm</translation>
    </message>
    <message>
        <source>Estimated fetal weight (Hadlock)</source>
        <translation>Estimated fetal weight (Hadlock)</translation>
    </message>
    <message>
        <source>g</source>
        <translation>g</translation>
    </message>
    <message>
        <source>Gestational age by ultrasound</source>
        <translation>Gestational age by ultrasound</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Impression</source>
        <translation>Impression</translation>
    </message>
    <message>
        <source>Reading doctor</source>
        <translation>Reading doctor</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Signature</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Signed</translation>
    </message>
    <message>
        <source>not signed (draft)</source>
        <translation>not signed (draft)</translation>
    </message>
    <message>
        <source>The PDF could not be written to %1.</source>
        <translation>The PDF could not be written to %1.</translation>
    </message>
</context>
<context>
    <name>UltrasoundReportRepository</name>
    <message>
        <source>This report is signed and can no longer be changed; write an amendment instead.</source>
        <translation>This report is signed and can no longer be changed; write an amendment instead.</translation>
    </message>
    <message>
        <source>This report is already signed.</source>
        <translation>This report is already signed.</translation>
    </message>
    <message>
        <source>The report must be signed by a named doctor.</source>
        <translation>The report must be signed by a named doctor.</translation>
    </message>
    <message>
        <source>Only a signed report is amended; edit the draft.</source>
        <translation>Only a signed report is amended; edit the draft.</translation>
    </message>
</context>
<context>
    <name>UltrasoundReportValidator</name>
    <message>
        <source>The study is not linked to a pregnancy.</source>
        <translation>The study is not linked to a pregnancy.</translation>
    </message>
    <message>
        <source>The report names no study.</source>
        <translation>The report names no study.</translation>
    </message>
    <message>
        <source>Enter the examination date.</source>
        <translation>Enter the examination date.</translation>
    </message>
    <message>
        <source>Enter the number of fetuses (1 to 5).</source>
        <translation>Enter the number of fetuses (1 to 5).</translation>
    </message>
    <message>
        <source>State whether fetal heart activity is seen.</source>
        <translation>State whether fetal heart activity is seen.</translation>
    </message>
    <message>
        <source>The fetal heart rate must be between 50 and 240 bpm.</source>
        <translation>The fetal heart rate must be between 50 and 240 bpm.</translation>
    </message>
    <message>
        <source>A heart rate cannot be given when no heart activity is seen.</source>
        <translation>A heart rate cannot be given when no heart activity is seen.</translation>
    </message>
    <message>
        <source>The placenta grade is 0 to III.</source>
        <translation>The placenta grade is 0 to III.</translation>
    </message>
    <message>
        <source>The amniotic fluid index must be between 0 and 50 cm.</source>
        <translation>The amniotic fluid index must be between 0 and 50 cm.</translation>
    </message>
    <message>
        <source>The deepest pocket must be between 0 and 20 cm.</source>
        <translation>The deepest pocket must be between 0 and 20 cm.</translation>
    </message>
    <message>
        <source>Write the impression.</source>
        <translation>Write the impression.</translation>
    </message>
    <message>
        <source>Name the reading doctor.</source>
        <translation>Name the reading doctor.</translation>
    </message>
    <message>
        <source>Give the reason for the amendment.</source>
        <translation>Give the reason for the amendment.</translation>
    </message>
</context>
<context>
    <name>UltrasoundWorkbench</name>
    <message>
        <source>Open &amp;DICOM…</source>
        <translation>Open &amp;DICOM…</translation>
    </message>
    <message>
        <source>View ultrasound images; with a chart open, biometry is saved to her pregnancy</source>
        <translation>View ultrasound images; with a chart open, biometry is saved to her pregnancy</translation>
    </message>
    <message>
        <source>Open DICOM files</source>
        <translation>Open DICOM files</translation>
    </message>
    <message>
        <source>DICOM files (*.dcm *.DCM *);;All files (*)</source>
        <translation>DICOM files (*.dcm *.DCM *);;All files (*)</translation>
    </message>
    <message>
        <source>Open a folder of DICOM files</source>
        <translation>Open a folder of DICOM files</translation>
    </message>
    <message>
        <source>Ultrasound report</source>
        <translation>Ultrasound report</translation>
    </message>
    <message>
        <source>Open her chart first: a report is written for a pregnancy.</source>
        <translation>Open her chart first: a report is written for a pregnancy.</translation>
    </message>
    <message>
        <source>Obstetric ultrasound</source>
        <translation>Obstetric ultrasound</translation>
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
        <translation>C %1 · A %2 mm²</translation>
    </message>
    <message>
        <source> (Pixel Spacing)</source>
        <translation> (Pixel Spacing)</translation>
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
        <source>GA %1 weeks</source>
        <translation>GA %1 weeks</translation>
    </message>
    <message>
        <source>%1 is not a number.</source>
        <translation>%1 is not a number.</translation>
    </message>
    <message>
        <source>Printed on her visit slip, in words she understands.</source>
        <translation>Printed on her visit slip, in words she understands.</translation>
    </message>
    <message>
        <source>&amp;Advice given:</source>
        <translation>&amp;Advice given:</translation>
    </message>
    <message>
        <source>on</source>
        <translation>on</translation>
    </message>
    <message>
        <source>what the next check is for</source>
        <translation>what the next check is for</translation>
    </message>
    <message>
        <source>Save and print &amp;slip…</source>
        <translation>Save and print &amp;slip…</translation>
    </message>
    <message>
        <source>Next appoin&amp;tment:</source>
        <translation>Next appoin&amp;tment:</translation>
    </message>
    <message>
        <source>Chec&amp;k for:</source>
        <translation>Chec&amp;k for:</translation>
    </message>
</context>
<context>
    <name>VisitFormat</name>
    <message>
        <source>%1 weeks</source>
        <translation>%1 weeks</translation>
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
        <translation>beats/min</translation>
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
    <message numerus="yes">
        <source>%n years</source>
        <translation>
            <numerusform>%n year</numerusform>
            <numerusform>%n years</numerusform>
        </translation>
    </message>
    <message>
        <source>Name: %1</source>
        <translation>Name: %1</translation>
    </message>
    <message>
        <source>Age: %1</source>
        <translation>Age: %1</translation>
    </message>
    <message>
        <source>Record no.: %1</source>
        <translation>Record no.: %1</translation>
    </message>
    <message>
        <source>G%1 P%2</source>
        <translation>G%1 P%2</translation>
    </message>
    <message>
        <source>Expected date of delivery: %1</source>
        <translation>Expected date of delivery: %1</translation>
    </message>
</context>
<context>
    <name>VisitHistoryModel</name>
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
    <name>VisitSlip</name>
    <message>
        <source>Antenatal visit slip</source>
        <translation>Antenatal visit slip</translation>
    </message>
    <message>
        <source>visit slip %1 %2.pdf</source>
        <translation>visit slip %1 %2.pdf</translation>
    </message>
    <message>
        <source>Visit date</source>
        <translation>Visit date</translation>
    </message>
    <message>
        <source>Gestational age</source>
        <translation>Gestational age</translation>
    </message>
    <message>
        <source>Blood pressure</source>
        <translation>Blood pressure</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Weight</translation>
    </message>
    <message>
        <source>Fundal height</source>
        <translation>Fundal height</translation>
    </message>
    <message>
        <source>Fetal heart</source>
        <translation>Fetal heart</translation>
    </message>
    <message>
        <source>Your risk grade:</source>
        <translation>Your risk grade:</translation>
    </message>
    <message>
        <source>Advice:</source>
        <translation>Advice:</translation>
    </message>
    <message>
        <source>No special advice; keep to your check schedule.</source>
        <translation>No special advice; keep to your check schedule.</translation>
    </message>
    <message>
        <source>Next appointment:</source>
        <translation>Next appointment:</translation>
    </message>
    <message>
        <source>For:</source>
        <translation>For:</translation>
    </message>
    <message>
        <source>none made</source>
        <translation>none made</translation>
    </message>
    <message>
        <source>Printed %1 by %2</source>
        <translation>Printed %1 by %2</translation>
    </message>
</context>
<context>
    <name>WindowLevel</name>
    <message>
        <source>As acquired</source>
        <translation>As acquired</translation>
    </message>
    <message>
        <source>More contrast</source>
        <translation>More contrast</translation>
    </message>
    <message>
        <source>Much more contrast</source>
        <translation>Much more contrast</translation>
    </message>
    <message>
        <source>Less contrast</source>
        <translation>Less contrast</translation>
    </message>
    <message>
        <source>Brighter</source>
        <translation>Brighter</translation>
    </message>
    <message>
        <source>Darker</source>
        <translation>Darker</translation>
    </message>
</context>
<context>
    <name>WorklistPanel</name>
    <message>
        <source>Record &amp;follow-up…</source>
        <translation>Record &amp;follow-up…</translation>
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
        <source>Record no.</source>
        <translation>Record no.</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Nurse</source>
        <translation>Nurse</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>Due today</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Not yet reported (orange/red/purple)</source>
        <translation>Not yet reported (orange/red/purple)</translation>
    </message>
    <message>
        <source>Lost to follow-up</source>
        <translation>Lost to follow-up</translation>
    </message>
    <message>
        <source>EDD within 2 weeks</source>
        <translation>EDD within 2 weeks</translation>
    </message>
    <message>
        <source>No responsible doctor or nurse</source>
        <translation>No responsible doctor or nurse</translation>
    </message>
    <message>
        <source>EDD %1</source>
        <translation>EDD %1</translation>
    </message>
    <message numerus="yes">
        <source>(%n day(s) late)</source>
        <translation>
            <numerusform>(%n day late)</numerusform>
            <numerusform>(%n days late)</numerusform>
        </translation>
    </message>
    <message>
        <source>open since %1</source>
        <translation>open since %1</translation>
    </message>
    <message>
        <source>Showing the first %1 of %2, most urgent first.</source>
        <translation>Showing the first %1 of %2, most urgent first.</translation>
    </message>
    <message>
        <source>Appointments today</source>
        <translation>Appointments today</translation>
    </message>
    <message>
        <source>Appointments tomorrow</source>
        <translation>Appointments tomorrow</translation>
    </message>
    <message>
        <source>Missed appointment</source>
        <translation>Missed appointment</translation>
    </message>
</context>
<context>
    <name>Workstation</name>
    <message>
        <source>ObsLink cannot start</source>
        <translation>ObsLink cannot start</translation>
    </message>
</context>
<context>
    <name>WorkstationSignIn</name>
    <message>
        <source>Enter your password.</source>
        <translation>Enter your password.</translation>
    </message>
    <message>
        <source>%1
The regional center cannot be reached: %2</source>
        <translation>%1
The regional center cannot be reached: %2</translation>
    </message>
    <message>
        <source>%1 has not signed in at the regional center on this computer yet, so it cannot check the password on its own.</source>
        <translation>%1 has not signed in at the regional center on this computer yet, so it cannot check the password on its own.</translation>
    </message>
    <message>
        <source>The password is not right.</source>
        <translation>The password is not right.</translation>
    </message>
</context>
</TS>
