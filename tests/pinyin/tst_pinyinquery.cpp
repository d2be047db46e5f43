// What a typed text means in pinyin: initials, full pinyin with or without tones and spaces,
// Chinese mixed with pinyin (with the pattern the name must match), and texts that are not
// pinyin at all (record numbers, phone numbers, Chinese alone).
#include "pinyin/pinyinkeys.h"
#include "pinyin/pinyinquery.h"

#include <QRegularExpression>
#include <QTest>

namespace {
// SQLite's GLOB, for the patterns PinyinQuery makes (only * and ?).
bool glob(const QString &pattern, const QString &text)
{
    return pattern.isEmpty()
        || QRegularExpression(QRegularExpression::wildcardToRegularExpression(pattern,
                                  QRegularExpression::UnanchoredWildcardConversion)
               .prepend(u'^')
               .append(u'$'))
               .match(text)
               .hasMatch();
}

// As the patient search uses them: a prefix of either key, each with its pattern.
bool finds(const QString &typed, const QString &name)
{
    const PinyinQuery query = PinyinQuery::parse(typed);
    const PinyinKeys keys = PinyinKeys::ofName(name);
    return (!query.initials.isEmpty() && keys.initials.startsWith(query.initials) && glob(query.initialsPattern, name))
        || (!query.full.isEmpty() && keys.full.startsWith(query.full) && glob(query.fullPattern, name));
}
} // namespace

class TestPinyinQuery : public QObject
{
    Q_OBJECT

private slots:
    void typedTextFindsTheName_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("name");
        QTest::newRow("initials") << QStringLiteral("zyj") << QStringLiteral("张雅静");
        QTest::newRow("initials, capitals") << QStringLiteral("ZYJ") << QStringLiteral("张雅静");
        QTest::newRow("first initials") << QStringLiteral("zy") << QStringLiteral("张雅静");
        QTest::newRow("full with a space") << QStringLiteral("zhang yajing") << QStringLiteral("张雅静");
        QTest::newRow("full without space") << QStringLiteral("zhangyajing") << QStringLiteral("张雅静");
        QTest::newRow("start of full") << QStringLiteral("zhangya") << QStringLiteral("张雅静");
        QTest::newRow("tone marks") << QStringLiteral("Zhāng Yǎjìng") << QStringLiteral("张雅静");
        QTest::newRow("tone digits") << QStringLiteral("zhang1 ya3jing4") << QStringLiteral("张雅静");
        QTest::newRow("ü as v") << QStringLiteral("lvli") << QStringLiteral("吕丽");
        QTest::newRow("ü as typed") << QStringLiteral("lüli") << QStringLiteral("吕丽");
        QTest::newRow("ü as u:") << QStringLiteral("lu:li") << QStringLiteral("吕丽");
        QTest::newRow("apostrophe") << QStringLiteral("xi'an") << QStringLiteral("西安娜");
        QTest::newRow("surname in Chinese, initials") << QStringLiteral("张yj") << QStringLiteral("张雅静");
        QTest::newRow("surname in Chinese, full") << QStringLiteral("张yajing") << QStringLiteral("张雅静");
        QTest::newRow("surname in pinyin, given name in Chinese") << QStringLiteral("zhang雅静") << QStringLiteral("张雅静");
        QTest::newRow("initial then Chinese") << QStringLiteral("z雅j") << QStringLiteral("张雅静");
        QTest::newRow("Chinese, full, Chinese") << QStringLiteral("张ya静") << QStringLiteral("张雅静");
        QTest::newRow("polyphonic surname in Chinese, initials") << QStringLiteral("单yj") << QStringLiteral("单雅静");
        QTest::newRow("polyphonic surname, initials") << QStringLiteral("syj") << QStringLiteral("单雅静");
        QTest::newRow("polyphonic surname, full") << QStringLiteral("shan yajing") << QStringLiteral("单雅静");
        QTest::newRow("compound surname in Chinese") << QStringLiteral("长孙yj") << QStringLiteral("长孙雅静");
        QTest::newRow("compound surname, initials") << QStringLiteral("zsyj") << QStringLiteral("长孙雅静");
    }
    void typedTextFindsTheName()
    {
        QFETCH(QString, typed);
        QFETCH(QString, name);
        QVERIFY2(finds(typed, name), qPrintable(typed + QStringLiteral(" → ") + name));
    }

    void typedTextDoesNotFindAnUnrelatedName_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("name");
        QTest::newRow("other initials") << QStringLiteral("zyj") << QStringLiteral("王芳");
        QTest::newRow("initials out of order") << QStringLiteral("yzj") << QStringLiteral("张雅静");
        QTest::newRow("initials not at the start") << QStringLiteral("yj") << QStringLiteral("张雅静");
        QTest::newRow("same initials, other Chinese surname") << QStringLiteral("张yj") << QStringLiteral("周雨佳");
        QTest::newRow("homophone surname in Chinese") << QStringLiteral("张yajing") << QStringLiteral("章雅静");
        QTest::newRow("other given name in Chinese") << QStringLiteral("zhang雅静") << QStringLiteral("张雅婷");
        QTest::newRow("full of another name") << QStringLiteral("zhangyating") << QStringLiteral("张雅静");
        QTest::newRow("usual reading of a surname") << QStringLiteral("danyajing") << QStringLiteral("单雅静");
        QTest::newRow("usual reading, initials") << QStringLiteral("dyj") << QStringLiteral("单雅静");
        QTest::newRow("more than the name") << QStringLiteral("zhangyajingx") << QStringLiteral("张雅静");
        QTest::newRow("initial and Chinese misplaced") << QStringLiteral("雅zj") << QStringLiteral("张雅静");
    }
    void typedTextDoesNotFindAnUnrelatedName()
    {
        QFETCH(QString, typed);
        QFETCH(QString, name);
        QVERIFY2(!finds(typed, name), qPrintable(typed + QStringLiteral(" → ") + name));
    }

    void mixedTextCarriesItsChineseAsAPattern()
    {
        const PinyinQuery query = PinyinQuery::parse(QStringLiteral("张yj"));
        QCOMPARE(query.initials, QStringLiteral("zyj"));
        QCOMPARE(query.initialsPattern, QStringLiteral("张??*"));
        QCOMPARE(query.full, QStringLiteral("zhangyj"));
        QCOMPARE(query.fullPattern, QStringLiteral("张*"));
        QCOMPARE(PinyinQuery::parse(QStringLiteral("zhang雅静")).fullPattern, QStringLiteral("*雅静*"));
        QVERIFY(PinyinQuery::parse(QStringLiteral("zyj")).initialsPattern.isEmpty());
    }

    void textThatIsNotPinyinGivesNoQuery_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::newRow("Chinese alone") << QStringLiteral("张雅静");
        QTest::newRow("record number") << QStringLiteral("MH0012");
        QTest::newRow("digits") << QStringLiteral("1391234");
        QTest::newRow("punctuation") << QStringLiteral("zhang.ya");
        QTest::newRow("tone digit at the start") << QStringLiteral("1zhang");
        QTest::newRow("digit that is no tone") << QStringLiteral("zhang6");
        QTest::newRow("empty") << QString();
    }
    void textThatIsNotPinyinGivesNoQuery()
    {
        QFETCH(QString, typed);
        QVERIFY(PinyinQuery::parse(typed).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestPinyinQuery)
#include "tst_pinyinquery.moc"
