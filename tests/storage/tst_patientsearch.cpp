// Search as you type: name prefix (Chinese), national ID prefix, phone prefix and last digits,
// record number; sorting; limits; deleted records hidden.
#include "demodata/demodatagenerator.h"
#include "storage/database.h"
#include "storage/patientsearch.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

class TestPatientSearch : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    QList<PatientChart> m_charts;

    QStringList names(const QString &text, PatientSort sort = PatientSort::Name, Qt::SortOrder order = Qt::AscendingOrder,
                      int limit = 500)
    {
        QStringList found;
        const auto rows = PatientSearch(*m_db).find(text, sort, order, limit);
        for (const PatientListRow &row : *rows)
            found << row.name;
        return found;
    }

    void add(const QString &name, const QString &id, const QString &phone, const QString &number, int lmpDaysAgo)
    {
        PatientChart chart;
        chart.patient.name = name;
        chart.patient.nationalId = id;
        chart.patient.phone = phone;
        chart.patient.recordNumber = number;
        chart.patient.birthDate = QDate(1990, 1, 1).addDays(lmpDaysAgo);
        chart.pregnancy = Pregnancy{};
        chart.pregnancy->lmp = QDate::currentDate().addDays(-lmpDaysAgo);
        m_charts.append(chart);
    }

private slots:
    void initTestCase()
    {
        m_db = std::move(*Database::open(m_dir.filePath(QStringLiteral("c.db")), {QStringLiteral("c1"), QStringLiteral("n")}));
        add(QStringLiteral("王芳"), QStringLiteral("110101199003070046"), QStringLiteral("13912345678"), QStringLiteral("MH0001"), 100);
        add(QStringLiteral("王芳芳"), QStringLiteral("320102199101010027"), QStringLiteral("13800005678"), QStringLiteral("MH0002"), 200);
        add(QStringLiteral("王丽"), QStringLiteral("320102199202020049"), QStringLiteral("15055550000"), QStringLiteral("MH0003"), 50);
        add(QStringLiteral("李娜"), QStringLiteral("11010119900307002X"), QStringLiteral("18600001111"), QStringLiteral("XY0004"), 150);
        QVERIFY(ClinicRecords(*m_db).importCharts(m_charts));
    }

    void namePrefixFindsEveryoneWithIt()
    {
        QCOMPARE(names(QStringLiteral("王")), (QStringList{QStringLiteral("王丽"), QStringLiteral("王芳"), QStringLiteral("王芳芳")}));
        QCOMPARE(names(QStringLiteral("王芳")), (QStringList{QStringLiteral("王芳"), QStringLiteral("王芳芳")}));
        QVERIFY(names(QStringLiteral("芳")).isEmpty()); // prefix, not substring
    }

    void idPhoneAndRecordNumber()
    {
        QCOMPARE(names(QStringLiteral("1101011990")), (QStringList{QStringLiteral("李娜"), QStringLiteral("王芳")}));
        QCOMPARE(names(QStringLiteral("11010119900307002x")), QStringList{QStringLiteral("李娜")});
        QCOMPARE(names(QStringLiteral("139")), QStringList{QStringLiteral("王芳")});
        QCOMPARE(names(QStringLiteral("5678")), (QStringList{QStringLiteral("王芳"), QStringLiteral("王芳芳")})); // last digits
        QCOMPARE(names(QStringLiteral("mh0003")), QStringList{QStringLiteral("王丽")});
        QCOMPARE(names(QStringLiteral("xy")), QStringList{QStringLiteral("李娜")});
        QVERIFY(names(QStringLiteral("99999999")).isEmpty());
    }

    void sortingCoversEveryColumnBothWays()
    {
        QCOMPARE(names(QString(), PatientSort::Edd).first(), QStringLiteral("王芳芳"));       // furthest along: earliest EDD
        QCOMPARE(names(QString(), PatientSort::Edd, Qt::DescendingOrder).first(), QStringLiteral("王丽"));
        QCOMPARE(names(QString(), PatientSort::GestationalAge, Qt::DescendingOrder).first(), QStringLiteral("王芳芳")); // furthest along first
        QCOMPARE(names(QString(), PatientSort::RecordNumber, Qt::DescendingOrder).first(), QStringLiteral("李娜"));
        for (PatientSort sort : {PatientSort::RecentlyChanged, PatientSort::Name, PatientSort::Age, PatientSort::NextVisitDue, PatientSort::Risk})
            for (Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder})
                QCOMPARE(names(QString(), sort, order).size(), 4);
    }

    void limitAndTombstones()
    {
        QCOMPARE(names(QStringLiteral("王"), PatientSort::Name, Qt::AscendingOrder, 2).size(), 2);
        QSqlQuery(m_db->connection()).exec(QStringLiteral("UPDATE patient SET deleted = 1 WHERE name = '王丽'"));
        QCOMPARE(names(QStringLiteral("王")).size(), 2);
        QCOMPARE(*PatientSearch(*m_db).countAll(), 3);
    }
};

QTEST_GUILESS_MAIN(TestPatientSearch)
#include "tst_patientsearch.moc"
