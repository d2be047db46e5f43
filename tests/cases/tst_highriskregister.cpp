// The monthly register opens correctly in a spreadsheet: UTF-8 with BOM, CRLF, quoted fields,
// no formula injection; and it holds exactly the cases active in the month.
#include "cases/casemanagement.h"
#include "cases/highriskregister.h"
#include "storage/clinicrecords.h"
#include "storage/database.h"

#include <QTemporaryDir>
#include <QTest>

namespace {
// A spreadsheet-style reader (RFC 4180): quoted fields, doubled quotes, CRLF records.
QList<QStringList> parseCsv(const QByteArray &bytes)
{
    QString text = QString::fromUtf8(bytes);
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < text.size() && text[i + 1] == QLatin1Char('"')) {
                field += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            row << field;
            field.clear();
        } else if (c == QLatin1Char('\r') && i + 1 < text.size() && text[i + 1] == QLatin1Char('\n')) {
            row << field;
            rows << row;
            row.clear();
            field.clear();
            ++i;
        } else {
            field += c;
        }
    }
    return rows;
}
} // namespace

class TestHighRiskRegister : public QObject
{
    Q_OBJECT

private slots:
    void registerRoundTripsThroughASpreadsheetParser()
    {
        QTemporaryDir dir;
        auto db = Database::open(dir.filePath(QStringLiteral("c.db")), {QStringLiteral("c1"), QStringLiteral("n")});
        QVERIFY(db);
        ClinicRecords records(**db);
        CaseManagement cases(**db, CaseSettings::defaults());
        auto add = [&](const QString &name, const QString &address, const QDate &openedOn) {
            Patient p;
            p.name = name;
            p.address = address;
            p.birthDate = QDate(1990, 5, 5);
            p.phone = QStringLiteral("+8613912345678");
            Pregnancy g;
            g.lmp = QDate(2026, 5, 1);
            if (!records.registerPregnancy(p, g))
                qFatal("registration failed");
            return cases.openCase(g.meta.id, QStringLiteral("red"), true, openedOn).value();
        };
        add(QStringLiteral("陈\"小\"红, 二胎"), {}, QDate(2026, 10, 3));
        add(QStringLiteral("=SUM(A1)"), {}, QDate(2026, 10, 20));
        add(QStringLiteral("下月建档"), {}, QDate(2026, 11, 2));
        const auto csv = HighRiskRegister::monthlyCsv(**db, 2026, 10);
        QVERIFY(csv);
        QVERIFY(csv->startsWith("\xEF\xBB\xBF"));
        QVERIFY(csv->contains("\r\n"));
        const QList<QStringList> rows = parseCsv(csv->mid(3));
        QCOMPARE(rows.size(), 3); // header + the two October cases
        QCOMPARE(rows[0].size(), 17);
        QCOMPARE(rows[1][1], QStringLiteral("陈\"小\"红, 二胎"));
        QCOMPARE(rows[2][1], QStringLiteral("'=SUM(A1)"));
        QCOMPARE(rows[1][3], QStringLiteral("'+8613912345678"));
        QCOMPARE(rows[1][7], QStringLiteral("red"));
        QCOMPARE(rows[1][10], QStringLiteral("2026-10-06"));
        QCOMPARE(rows[1][12], QStringLiteral("overdue"));
        for (const QStringList &row : rows)
            QCOMPARE(row.size(), 17);
        QVERIFY(!HighRiskRegister::monthlyCsv(**db, 2026, 13));
    }
};

QTEST_GUILESS_MAIN(TestHighRiskRegister)
#include "tst_highriskregister.moc"
