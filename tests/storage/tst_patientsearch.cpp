// Search as you type: name prefix (Chinese), national ID prefix, phone prefix and last digits,
// record number regardless of case; every sort in both directions; the limit keeps the first
// rows of the requested order among all matches; tombstones are never listed. A reference
// implementation over a few thousand demo women checks both ways a page is found (from the
// matches and along the sort order).
#include "demodata/demodatagenerator.h"
#include "pinyin/pinyinkeys.h"
#include "pinyin/pinyinquery.h"
#include "storage/database.h"
#include "storage/patientrepository.h"
#include "storage/patientsearch.h"

#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <functional>

namespace {
const QDate Today(2026, 11, 20);

struct Woman
{
    QString name;
    QString nationalId;
    QString phone;
    QString recordNumber;
    QDate birthDate;
    std::optional<int> lmpDaysAgo; // none: no pregnancy on record
    QDateTime updatedAt;
    QString riskLevel;
    bool purple = false;
    bool deleted = false;
};

QDateTime on(int month, int day)
{
    return QDateTime(QDate(2026, month, day), QTime(9, 0), Qt::UTC);
}

const QList<Woman> women {
    { QStringLiteral("王芳"), QStringLiteral("110101199003070046"), QStringLiteral("13912345678"),
        QStringLiteral("MH0001"), QDate(1990, 3, 7), 100, on(11, 3), QStringLiteral("red") },
    { QStringLiteral("王芳芳"), QStringLiteral("320102199101010027"), QStringLiteral("13800005678"),
        QStringLiteral("MH0002"), QDate(1991, 1, 1), 200, on(11, 1), QStringLiteral("orange") },
    { QStringLiteral("王丽"), QStringLiteral("320102199202020049"), QStringLiteral("15055550000"),
        QStringLiteral("MH0003"), QDate(1992, 2, 2), 50, on(11, 5), QStringLiteral("yellow"), true },
    { QStringLiteral("李娜"), QStringLiteral("11010119880615002X"), QStringLiteral("18600001111"),
        QStringLiteral("xy0004"), QDate(1988, 6, 15), 150, on(11, 2), QStringLiteral("green") },
    { QStringLiteral("赵敏"), QStringLiteral("320102198505050021"), QStringLiteral("13700001234"),
        QStringLiteral("MH0005"), QDate(1985, 5, 5), std::nullopt, on(11, 4), QString() },
    { QStringLiteral("王伟"), QStringLiteral("320102199501010028"), QStringLiteral("13912340000"),
        QStringLiteral("MH0006"), QDate(1995, 1, 1), 10, on(11, 6), QString(), false, true },
};

// The pinyin clinic: 张雅静 with women whose names share her initials, her surname's sound or
// her given name, and a woman for each polyphonic surname read as a surname.
const QList<const char16_t *> pinyinWomen { u"张雅静", u"章雅静", u"周雨佳", u"张雅婷", u"郑亚军", u"赵永杰",
    u"单雅静", u"曾雅静", u"仇雅静", u"解雅静", u"查雅静", u"朴雅静", u"区雅静", u"乐雅静", u"盖雅静",
    u"尉雅静", u"缪雅静", u"覃雅静", u"翟雅静", u"长孙雅静", u"尉迟雅静", u"丹雅静", u"吕丽" };

// What the reference implementation needs of a patient row.
struct ListedRow
{
    qint64 rowid = 0;
    QUuid id;
    QString name, nationalId, phone, recordNumber, birthDate, updatedAt, edd, nextVisitDue;
    int risk = 0;
    bool deleted = false;
};

QString reversedDigits(const QString &text)
{
    QString digits;
    for (const QChar c : text)
        if (c.isDigit())
            digits.prepend(c);
    return digits;
}

bool matches(const ListedRow &row, const QString &text)
{
    const QString needle = text.trimmed();
    if (needle.isEmpty())
        return true;
    if (row.recordNumber.startsWith(needle, Qt::CaseInsensitive))
        return true;
    const bool digitsOnly = std::all_of(needle.begin(), needle.end(), [](QChar c) { return c.isDigit(); });
    if (digitsOnly)
        return row.nationalId.startsWith(needle) || row.phone.startsWith(needle)
            || reversedDigits(row.phone).startsWith(reversedDigits(needle));
    if (row.name.startsWith(needle) || row.nationalId.startsWith(needle.toUpper()))
        return true;
    // The name in pinyin, initials or full, as PinyinQuery means the text.
    const PinyinQuery pinyin = PinyinQuery::parse(needle);
    const PinyinKeys keys = PinyinKeys::ofName(row.name);
    const auto glob = [&](const QString &pattern) {
        return pattern.isEmpty()
            || QRegularExpression(QRegularExpression::anchoredPattern(
                   QRegularExpression::wildcardToRegularExpression(pattern, QRegularExpression::UnanchoredWildcardConversion)))
                   .match(row.name)
                   .hasMatch();
    };
    return !pinyin.isEmpty()
        && ((keys.initials.startsWith(pinyin.initials) && glob(pinyin.initialsPattern))
            || (keys.full.startsWith(pinyin.full) && glob(pinyin.fullPattern)));
}

// The list's order, written out plainly: a key per sort (empty = unknown, before every value),
// the direction, then rows in the same direction.
QList<ListedRow> expectedPage(
    QList<ListedRow> rows, const QString &text, PatientSort sort, Qt::SortOrder order, int limit)
{
    rows.erase(std::remove_if(rows.begin(), rows.end(),
                   [&](const ListedRow &row) { return row.deleted || !matches(row, text); }),
        rows.end());
    bool ascending = order == Qt::AscendingOrder;
    std::function<QString(const ListedRow &)> key;
    switch (sort) {
    case PatientSort::RecentlyChanged:
        key = [](const ListedRow &r) { return r.updatedAt; };
        break;
    case PatientSort::Name:
        key = [](const ListedRow &r) { return r.name; };
        break;
    case PatientSort::RecordNumber:
        key = [](const ListedRow &r) { return r.recordNumber.toLower(); };
        break;
    case PatientSort::Age: // ascending age: youngest, the latest birth date, first
        key = [](const ListedRow &r) { return r.birthDate; };
        ascending = !ascending;
        break;
    case PatientSort::GestationalAge: // ascending gestational age: later EDD first
        key = [](const ListedRow &r) { return r.edd; };
        ascending = !ascending;
        break;
    case PatientSort::Edd:
        key = [](const ListedRow &r) { return r.edd; };
        break;
    case PatientSort::NextVisitDue:
        key = [](const ListedRow &r) { return r.nextVisitDue; };
        break;
    case PatientSort::Risk:
        key = [](const ListedRow &r) { return QString::number(r.risk); };
        break;
    }
    std::sort(rows.begin(), rows.end(), [&](const ListedRow &a, const ListedRow &b) {
        const QString ka = key(a), kb = key(b);
        if (ka != kb)
            return ascending ? ka < kb : kb < ka;
        return ascending ? a.rowid < b.rowid : b.rowid < a.rowid;
    });
    return rows.mid(0, limit);
}

// Reads every patient with her current pregnancy's columns from the records themselves.
QList<ListedRow> allRows(const Database &db)
{
    QSqlQuery query(db.connection());
    if (!query.exec(QStringLiteral("SELECT pa.rowid, pa.id, pa.name, coalesce(pa.national_id, ''), "
                                   "coalesce(pa.phone, ''), pa.record_number, "
                                   "coalesce(pa.birth_date, ''), pa.updated_at, coalesce(pr.edd, ''), "
                                   "coalesce(pr.next_visit_due, ''), "
                                   "(CASE pr.risk_level WHEN 'red' THEN 4 WHEN 'orange' THEN 3 WHEN 'yellow' "
                                   "THEN 2 WHEN 'green' THEN 1 ELSE 0 END) * 2 "
                                   "+ coalesce(pr.risk_purple, 0), pa.deleted FROM patient pa LEFT JOIN "
                                   "pregnancy pr ON pr.id = pa.current_pregnancy_id")))
        qFatal("cannot read patients");
    QList<ListedRow> rows;
    while (query.next()) {
        ListedRow row;
        row.rowid = query.value(0).toLongLong();
        row.id = QUuid::fromString(query.value(1).toString());
        row.name = query.value(2).toString();
        row.nationalId = query.value(3).toString();
        row.phone = query.value(4).toString();
        row.recordNumber = query.value(5).toString();
        row.birthDate = query.value(6).toString();
        row.updatedAt = query.value(7).toString();
        row.edd = query.value(8).toString();
        row.nextVisitDue = query.value(9).toString();
        row.risk = query.value(10).toInt();
        row.deleted = query.value(11).toInt() != 0;
        rows.append(row);
    }
    return rows;
}

const QList<PatientSort> allSorts { PatientSort::RecentlyChanged, PatientSort::Name,
    PatientSort::RecordNumber, PatientSort::Age, PatientSort::GestationalAge, PatientSort::Edd,
    PatientSort::NextVisitDue, PatientSort::Risk };
} // namespace

class TestPatientSearch : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<Database> m_demo; // a few thousand demo women
    std::unique_ptr<Database> m_pinyin; // pinyinWomen

    QStringList pinyinNames(const QString &text)
    {
        QStringList found;
        const auto rows = PatientSearch(*m_pinyin).find(text, PatientSort::Name, Qt::AscendingOrder);
        if (!rows)
            qFatal("search failed: %s", qPrintable(rows.error().message));
        for (const PatientListRow &row : *rows)
            found << row.name;
        std::sort(found.begin(), found.end());
        return found;
    }

    QStringList names(const QString &text, PatientSort sort = PatientSort::Name,
        Qt::SortOrder order = Qt::AscendingOrder, int limit = 500, const QString &riskFilter = {})
    {
        QStringList found;
        const auto rows = PatientSearch(*m_db).find(text, sort, order, limit, riskFilter);
        if (!rows)
            qFatal("search failed: %s", qPrintable(rows.error().message));
        for (const PatientListRow &row : *rows)
            found << row.name;
        return found;
    }

private slots:
    void initTestCase()
    {
        auto db = Database::open(
            m_dir.filePath(QStringLiteral("small.db")), { QStringLiteral("c1"), QStringLiteral("n") });
        QVERIFY(db);
        m_db = std::move(*db);
        QList<PatientChart> charts;
        for (const Woman &woman : women) {
            PatientChart chart;
            chart.patient.meta.id = QUuid::createUuid();
            chart.patient.meta.createdAt = on(10, 1);
            chart.patient.meta.updatedAt = woman.updatedAt;
            chart.patient.meta.deleted = woman.deleted;
            chart.patient.name = woman.name;
            chart.patient.nationalId = woman.nationalId;
            chart.patient.phone = woman.phone;
            chart.patient.recordNumber = woman.recordNumber;
            chart.patient.birthDate = woman.birthDate;
            if (woman.lmpDaysAgo) {
                chart.pregnancy = Pregnancy {};
                chart.pregnancy->lmp = Today.addDays(-*woman.lmpDaysAgo);
                chart.pregnancy->gravida = 2;
                chart.pregnancy->para = 1;
            }
            charts.append(chart);
        }
        ClinicRecords records(*m_db);
        QVERIFY(records.importCharts(charts));
        for (qsizetype i = 0; i < women.size(); ++i) {
            if (women[i].riskLevel.isEmpty())
                continue;
            RiskGradeRecord grade;
            grade.pregnancyId = charts[i].pregnancy->meta.id;
            grade.assessedOn = Today;
            grade.proposedLevel = grade.level = women[i].riskLevel;
            grade.proposedPurple = grade.purple = women[i].purple;
            grade.status = RiskGradeRecord::Status::Confirmed;
            grade.decidedBy = QStringLiteral("doctor");
            grade.decidedAt = on(11, 20);
            grade.ruleSetId = QStringLiteral("cn-2017");
            grade.ruleSetVersion = QStringLiteral("1");
            grade.resultJson = QStringLiteral("{}");
            QVERIFY(records.saveGrade(grade));
        }

        // The demo clinic: women without a pregnancy, tombstones and grades among them.
        auto demo = Database::open(
            m_dir.filePath(QStringLiteral("demo.db")), { QStringLiteral("c1"), QStringLiteral("n") });
        QVERIFY(demo);
        m_demo = std::move(*demo);
        DemoDataGenerator generator(7, Today, QStringLiteral("c1"));
        QList<PatientChart> demoCharts;
        for (int i = 0; i < 3000; ++i) {
            demoCharts.append(generator.nextChart());
            if (i % 97 == 0)
                demoCharts.last().pregnancy.reset();
        }
        QVERIFY(ClinicRecords(*m_demo).importCharts(demoCharts));

        auto pinyin = Database::open(
            m_dir.filePath(QStringLiteral("pinyin.db")), { QStringLiteral("c1"), QStringLiteral("n") });
        QVERIFY(pinyin);
        m_pinyin = std::move(*pinyin);
        PatientRepository pinyinWomenOnFile(*m_pinyin);
        for (const char16_t *name : pinyinWomen) {
            Patient patient;
            patient.name = QString::fromUtf16(name);
            QVERIFY(pinyinWomenOnFile.save(patient));
        }
        QSqlQuery query(m_demo->connection());
        QVERIFY(query.exec(QStringLiteral("UPDATE patient SET deleted = 1 WHERE rowid % 13 = 0")));
        QVERIFY(query.exec(
            QStringLiteral("UPDATE pregnancy SET risk_level = CASE rowid % 5 WHEN 0 THEN 'red' WHEN 1 THEN "
                           "'orange' WHEN 2 THEN 'yellow' WHEN 3 THEN 'green' END, "
                           "risk_purple = rowid % 7 = 0 WHERE rowid % 3 = 0")));
    }

    void namePrefixFindsEveryoneWithIt()
    {
        QCOMPARE(names(QStringLiteral("王")),
            (QStringList { QStringLiteral("王丽"), QStringLiteral("王芳"), QStringLiteral("王芳芳") }));
        QCOMPARE(names(QStringLiteral("王芳")),
            (QStringList { QStringLiteral("王芳"), QStringLiteral("王芳芳") }));
        QCOMPARE(names(QStringLiteral("王芳芳")), QStringList { QStringLiteral("王芳芳") });
        QCOMPARE(names(QStringLiteral("  王芳  ")),
            (QStringList { QStringLiteral("王芳"), QStringLiteral("王芳芳") }));
        QVERIFY(names(QStringLiteral("芳")).isEmpty()); // a prefix, not a substring
        QVERIFY(names(QStringLiteral("王芳芳芳")).isEmpty());
    }

    void pinyinInitialsFindTheNameAndNoOther()
    {
        QStringList zyj { QStringLiteral("张雅静"), QStringLiteral("章雅静"), QStringLiteral("周雨佳"),
            QStringLiteral("赵永杰"), QStringLiteral("郑亚军"), QStringLiteral("曾雅静"), QStringLiteral("查雅静"),
            QStringLiteral("翟雅静") };
        std::sort(zyj.begin(), zyj.end());
        QCOMPARE(pinyinNames(QStringLiteral("zyj")), zyj);
        QCOMPARE(pinyinNames(QStringLiteral("ZYJ")), pinyinNames(QStringLiteral("zyj")));
        QCOMPARE(pinyinNames(QStringLiteral("zyt")), QStringList { QStringLiteral("张雅婷") });
        QVERIFY(pinyinNames(QStringLiteral("yj")).isEmpty()); // initials from the first character
        QVERIFY(pinyinNames(QStringLiteral("zyjx")).isEmpty());
    }

    void fullPinyinWithOrWithoutTonesAndSpaces_data()
    {
        QTest::addColumn<QString>("text");
        for (const char16_t *text : { u"zhangyajing", u"zhang yajing", u"Zhang Yajing", u"Zhāng Yǎjìng",
                 u"zhang1 ya3 jing4", u"zhangyaj" })
            QTest::newRow(qPrintable(QString::fromUtf16(text))) << QString::fromUtf16(text);
    }
    void fullPinyinWithOrWithoutTonesAndSpaces()
    {
        QFETCH(QString, text);
        // 章雅静 sounds the same: pinyin alone cannot tell them apart.
        QCOMPARE(pinyinNames(text), (QStringList { QStringLiteral("张雅静"), QStringLiteral("章雅静") }));
    }

    void chineseMixedWithPinyin_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("张yj") << QStringLiteral("张yj") << QStringList { QStringLiteral("张雅静") };
        QTest::newRow("张yajing") << QStringLiteral("张yajing") << QStringList { QStringLiteral("张雅静") };
        QTest::newRow("张 ya jing") << QStringLiteral("张 ya jing") << QStringList { QStringLiteral("张雅静") };
        // Pinyin cannot tell 张 from 章: both are zhang.
        QTest::newRow("zhang雅静") << QStringLiteral("zhang雅静")
                                 << QStringList { QStringLiteral("张雅静"), QStringLiteral("章雅静") };
        QTest::newRow("zhang雅婷") << QStringLiteral("zhang雅婷") << QStringList { QStringLiteral("张雅婷") };
        QTest::newRow("z雅j") << QStringLiteral("z雅j")
                            << QStringList { QStringLiteral("张雅静"), QStringLiteral("章雅静"), QStringLiteral("曾雅静"),
                                   QStringLiteral("查雅静"), QStringLiteral("翟雅静") };
        QTest::newRow("张y") << QStringLiteral("张y") << QStringList { QStringLiteral("张雅婷"), QStringLiteral("张雅静") };
        QTest::newRow("单yj") << QStringLiteral("单yj") << QStringList { QStringLiteral("单雅静") };
        QTest::newRow("长孙y") << QStringLiteral("长孙y") << QStringList { QStringLiteral("长孙雅静") };
    }
    void chineseMixedWithPinyin()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, expected);
        std::sort(expected.begin(), expected.end());
        QCOMPARE(pinyinNames(text), expected);
    }

    void polyphonicSurnameIsFoundByItsSurnameReading_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("full");
        QTest::addColumn<QString>("usual"); // the character's usual reading, which must not find her
        QTest::newRow("单 shàn") << QStringLiteral("单雅静") << QStringLiteral("shan") << QStringLiteral("dan");
        QTest::newRow("曾 zēng") << QStringLiteral("曾雅静") << QStringLiteral("zeng") << QStringLiteral("ceng");
        QTest::newRow("仇 qiú") << QStringLiteral("仇雅静") << QStringLiteral("qiu") << QStringLiteral("chou");
        QTest::newRow("解 xiè") << QStringLiteral("解雅静") << QStringLiteral("xie") << QStringLiteral("jie");
        QTest::newRow("查 zhā") << QStringLiteral("查雅静") << QStringLiteral("zha") << QStringLiteral("cha");
        QTest::newRow("朴 piáo") << QStringLiteral("朴雅静") << QStringLiteral("piao") << QStringLiteral("pu");
        QTest::newRow("区 ōu") << QStringLiteral("区雅静") << QStringLiteral("ou") << QStringLiteral("qu");
        QTest::newRow("乐 yuè") << QStringLiteral("乐雅静") << QStringLiteral("yue") << QStringLiteral("le");
        QTest::newRow("盖 gě") << QStringLiteral("盖雅静") << QStringLiteral("ge") << QStringLiteral("gai");
        QTest::newRow("尉 yù") << QStringLiteral("尉雅静") << QStringLiteral("yu") << QStringLiteral("wei");
        QTest::newRow("缪 miào") << QStringLiteral("缪雅静") << QStringLiteral("miao") << QStringLiteral("mou");
        QTest::newRow("覃 qín") << QStringLiteral("覃雅静") << QStringLiteral("qin") << QStringLiteral("tan");
        QTest::newRow("翟 zhái") << QStringLiteral("翟雅静") << QStringLiteral("zhai") << QStringLiteral("di");
        QTest::newRow("长孙 zhǎngsūn") << QStringLiteral("长孙雅静") << QStringLiteral("zhangsun") << QStringLiteral("changsun");
        QTest::newRow("尉迟 yùchí") << QStringLiteral("尉迟雅静") << QStringLiteral("yuchi") << QStringLiteral("weichi");
    }
    void polyphonicSurnameIsFoundByItsSurnameReading()
    {
        QFETCH(QString, name);
        QFETCH(QString, full);
        QFETCH(QString, usual);
        QCOMPARE(pinyinNames(full + QStringLiteral("yajing")), QStringList { name });
        QVERIFY(pinyinNames(full + QStringLiteral(" ya")).contains(name));
        QVERIFY(!pinyinNames(usual + QStringLiteral("yajing")).contains(name));
        QVERIFY(!pinyinNames(usual.left(1) + QStringLiteral("yj")).contains(name) || usual[0] == full[0]);
        QVERIFY(pinyinNames(PinyinKeys::ofName(name).initials).contains(name));
    }

    void pinyinKeysFollowARenamedWoman()
    {
        PatientRepository records(*m_pinyin);
        Patient patient;
        patient.name = QStringLiteral("何敏");
        QVERIFY(records.save(patient));
        QCOMPARE(pinyinNames(QStringLiteral("hm")), QStringList { QStringLiteral("何敏") });
        auto stored = records.find(patient.meta.id);
        QVERIFY(stored && *stored);
        Patient renamed = **stored;
        renamed.name = QStringLiteral("贺美玲");
        QVERIFY(records.save(renamed));
        QCOMPARE(pinyinNames(QStringLiteral("hml")), QStringList { QStringLiteral("贺美玲") });
        QCOMPARE(pinyinNames(QStringLiteral("hemeiling")), QStringList { QStringLiteral("贺美玲") });
        QVERIFY(pinyinNames(QStringLiteral("hemin")).isEmpty());
    }

    void nationalIdPrefixWhateverTheCaseOfX()
    {
        QCOMPARE(names(QStringLiteral("1101011")),
            (QStringList { QStringLiteral("李娜"), QStringLiteral("王芳") }));
        QCOMPARE(names(QStringLiteral("320102")),
            (QStringList { QStringLiteral("王丽"), QStringLiteral("王芳芳"), QStringLiteral("赵敏") }));
        QCOMPARE(names(QStringLiteral("11010119880615002x")), QStringList { QStringLiteral("李娜") });
        QCOMPARE(names(QStringLiteral("11010119880615002X")), QStringList { QStringLiteral("李娜") });
        QVERIFY(names(QStringLiteral("1101011988061500299")).isEmpty());
    }

    void phonePrefixAndLastDigits()
    {
        QCOMPARE(names(QStringLiteral("139")),
            QStringList { QStringLiteral("王芳") }); // 王伟 (13912340000) is deleted
        QCOMPARE(names(QStringLiteral("13912345678")), QStringList { QStringLiteral("王芳") });
        QCOMPARE(names(QStringLiteral("5678")),
            (QStringList { QStringLiteral("王芳"), QStringLiteral("王芳芳") }));
        QCOMPARE(names(QStringLiteral("1234")), QStringList { QStringLiteral("赵敏") });
        QCOMPARE(names(QStringLiteral("0000")), QStringList { QStringLiteral("王丽") });
        QVERIFY(names(QStringLiteral("99999999")).isEmpty());
    }

    void recordNumberPrefixIgnoresCase()
    {
        QCOMPARE(names(QStringLiteral("mh0003")), QStringList { QStringLiteral("王丽") });
        QCOMPARE(names(QStringLiteral("MH0003")), QStringList { QStringLiteral("王丽") });
        QCOMPARE(names(QStringLiteral("XY")), QStringList { QStringLiteral("李娜") }); // stored as "xy0004"
        QCOMPARE(names(QStringLiteral("xY00")), QStringList { QStringLiteral("李娜") });
        QCOMPARE(names(QStringLiteral("mH000"), PatientSort::RecordNumber),
            (QStringList { QStringLiteral("王芳"), QStringLiteral("王芳芳"), QStringLiteral("王丽"),
                QStringLiteral("赵敏") }));
        QVERIFY(names(QStringLiteral("MH0007")).isEmpty());
    }

    void everySortInBothDirections_data()
    {
        QTest::addColumn<PatientSort>("sort");
        QTest::addColumn<Qt::SortOrder>("order");
        QTest::addColumn<QStringList>("expected");
        const QString fang = QStringLiteral("王芳"), fangfang = QStringLiteral("王芳芳"),
                      li = QStringLiteral("王丽"), na = QStringLiteral("李娜"), min = QStringLiteral("赵敏");
        auto add = [](const char *name, PatientSort sort, const QStringList &ascending) {
            QStringList descending = ascending;
            std::reverse(descending.begin(), descending.end());
            QTest::addRow("%s ascending", name) << sort << Qt::AscendingOrder << ascending;
            QTest::addRow("%s descending", name) << sort << Qt::DescendingOrder << descending;
        };
        add("recently changed", PatientSort::RecentlyChanged, { fangfang, na, fang, min, li });
        add("name", PatientSort::Name, { na, li, fang, fangfang, min });
        add("record number", PatientSort::RecordNumber, { fang, fangfang, li, min, na });
        add("age (youngest first)", PatientSort::Age, { li, fangfang, fang, na, min });
        // No pregnancy on record: no EDD, which sorts before every EDD.
        add("EDD", PatientSort::Edd, { min, fangfang, na, fang, li });
        add("gestational age", PatientSort::GestationalAge, { li, fang, na, fangfang, min });
        add("next visit due", PatientSort::NextVisitDue, { min, fangfang, na, fang, li });
        add("risk (purple above its color)", PatientSort::Risk, { min, na, li, fangfang, fang });
    }
    void everySortInBothDirections()
    {
        QFETCH(PatientSort, sort);
        QFETCH(Qt::SortOrder, order);
        QFETCH(QStringList, expected);
        QCOMPARE(names(QString(), sort, order), expected);
        QCOMPARE(names(QString(), sort, order, 2), expected.mid(0, 2));
    }

    void limitKeepsTheFirstRowsOfTheRequestedOrder()
    {
        QCOMPARE(names(QStringLiteral("王"), PatientSort::Name, Qt::AscendingOrder, 2),
            (QStringList { QStringLiteral("王丽"), QStringLiteral("王芳") }));
        QCOMPARE(names(QStringLiteral("王"), PatientSort::Edd, Qt::AscendingOrder, 2),
            (QStringList { QStringLiteral("王芳芳"), QStringLiteral("王芳") }));
        QCOMPARE(names(QStringLiteral("王"), PatientSort::RecentlyChanged, Qt::DescendingOrder, 1),
            QStringList { QStringLiteral("王丽") });
        QCOMPARE(names(QStringLiteral("王"), PatientSort::Name, Qt::AscendingOrder, 0).size(),
            1); // at least one row
    }

    void riskFilterKeepsOneGrade()
    {
        QCOMPARE(names(QString(), PatientSort::Name, Qt::AscendingOrder, 500, QStringLiteral("red")),
            QStringList { QStringLiteral("王芳") });
        QCOMPARE(names(QString(), PatientSort::Name, Qt::AscendingOrder, 500, QStringLiteral("yellow")),
            QStringList { QStringLiteral("王丽") });
        QCOMPARE(names(QString(), PatientSort::Name, Qt::AscendingOrder, 500, QStringLiteral("purple")),
            QStringList { QStringLiteral("王丽") });
        QCOMPARE(names(QString(), PatientSort::Name, Qt::AscendingOrder, 500, QStringLiteral("ungraded")),
            QStringList { QStringLiteral("赵敏") });
        QCOMPARE(
            names(QStringLiteral("王"), PatientSort::Name, Qt::AscendingOrder, 500, QStringLiteral("orange")),
            QStringList { QStringLiteral("王芳芳") });
        QVERIFY(names(QStringLiteral("李"), PatientSort::Name, Qt::AscendingOrder, 500, QStringLiteral("red"))
                    .isEmpty());
        QVERIFY(
            names(QString(), PatientSort::Name, Qt::AscendingOrder, 500, QStringLiteral("blue")).isEmpty());
    }

    void rowCarriesTheCurrentPregnancy()
    {
        const auto rows = PatientSearch(*m_db).find(
            QStringLiteral("MH000"), PatientSort::RecordNumber, Qt::AscendingOrder);
        QVERIFY(rows);
        const PatientListRow &fang = rows->at(0);
        QCOMPARE(fang.recordNumber, QStringLiteral("MH0001"));
        QCOMPARE(fang.nationalId, QStringLiteral("110101199003070046"));
        QCOMPARE(fang.phone, QStringLiteral("13912345678"));
        QCOMPARE(fang.birthDate, QDate(1990, 3, 7));
        QCOMPARE(fang.edd, Today.addDays(-100 + 280));
        QCOMPARE(fang.nextVisitDue, Today.addDays(-100 + 42));
        QCOMPARE(fang.riskLevel, QStringLiteral("red"));
        QVERIFY(!fang.riskPurple);
        QCOMPARE(fang.status, QStringLiteral("booked"));
        QCOMPARE(fang.gravida, 2);
        QCOMPARE(fang.para, 1);
        QVERIFY(!fang.pregnancyId.isNull());
        QVERIFY(rows->at(2).riskPurple);
        const PatientListRow &min = rows->at(3);
        QCOMPARE(min.name, QStringLiteral("赵敏"));
        QVERIFY(min.pregnancyId.isNull());
        QVERIFY(!min.edd.isValid());
        QVERIFY(min.riskLevel.isEmpty());
    }

    void tombstonesAreNeverListedNorCounted()
    {
        for (PatientSort sort : allSorts)
            QVERIFY(!names(QString(), sort).contains(QStringLiteral("王伟")));
        QVERIFY(names(QStringLiteral("王伟")).isEmpty());
        QVERIFY(names(QStringLiteral("MH0006")).isEmpty());
        QCOMPARE(*PatientSearch(*m_db).countAll(), 5);
    }

    void pagesMatchAPlainReferenceOverADemoClinic_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("limit");
        // From "everyone" and prefixes that match thousands (the page is found along the sort
        // order) down to a handful (found from the matches), as a person types them.
        for (const char *text : { "", "M", "mh", "MH000", "MH0001", "MH00012", "1", "13", "139", "3", "3201",
                 "320102", "32010219", "5", "56", "567", "王", "李", "张芳", "9999", "w", "wf", "zh", "zhang",
                 "zhangf", "张f", "li na", "x", "zy" })
            for (int limit : { 1, 25, 500 })
                QTest::addRow("'%s' limit %d", text, limit) << QString::fromUtf8(text) << limit;
    }
    void pagesMatchAPlainReferenceOverADemoClinic()
    {
        QFETCH(QString, text);
        QFETCH(int, limit);
        const QList<ListedRow> rows = allRows(*m_demo);
        PatientSearch search(*m_demo);
        for (PatientSort sort : allSorts) {
            for (Qt::SortOrder order : { Qt::AscendingOrder, Qt::DescendingOrder }) {
                const auto found = search.find(text, sort, order, limit);
                QVERIFY(found);
                const QList<ListedRow> expected = expectedPage(rows, text, sort, order, limit);
                QList<QUuid> foundIds, expectedIds;
                for (const PatientListRow &row : *found)
                    foundIds.append(row.patientId);
                for (const ListedRow &row : expected)
                    expectedIds.append(row.id);
                if (foundIds != expectedIds)
                    qWarning("sort %d order %d: %lld rows, expected %lld", int(sort), int(order),
                        static_cast<long long>(foundIds.size()), static_cast<long long>(expectedIds.size()));
                QCOMPARE(foundIds, expectedIds);
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestPatientSearch)
#include "tst_patientsearch.moc"
