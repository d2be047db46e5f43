// Lists filtered in memory (the assessment form's items, people's and clinics' names): the
// typed text itself, or its pinyin from any character on, with every reading of a character.
#include "pinyin/pinyinmatcher.h"

#include <QTest>

class TestPinyinMatcher : public QObject
{
    Q_OBJECT

private slots:
    void itemIsFoundByItsPinyin_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("typed");
        const QString item = QStringLiteral("心肌病 cardiomyopathy red.1.1");
        QTest::newRow("initials") << item << QStringLiteral("xjb");
        QTest::newRow("full") << item << QStringLiteral("xinjibing");
        QTest::newRow("full with spaces and tones") << item << QStringLiteral("xīn jī bìng");
        QTest::newRow("Chinese then initials") << item << QStringLiteral("心jb");
        QTest::newRow("pinyin then Chinese") << item << QStringLiteral("xin肌病");
        QTest::newRow("full surname, initials") << QStringLiteral("张雅静") << QStringLiteral("zhangyj");
        QTest::newRow("two-letter initials") << QStringLiteral("张雅静") << QStringLiteral("zhyj");
        QTest::newRow("start of the last reading") << QStringLiteral("张雅静") << QStringLiteral("zhangyaji");
        QTest::newRow("in the middle") << QStringLiteral("消化系统疾病：肝炎病") << QStringLiteral("gyb");
        QTest::newRow("English words") << item << QStringLiteral("Cardio");
        QTest::newRow("id") << item << QStringLiteral("red.1.1");
        QTest::newRow("Chinese") << item << QStringLiteral("肌病");
        QTest::newRow("any reading of a polyphonic character") << QStringLiteral("单雅静") << QStringLiteral("shanyj");
        QTest::newRow("usual reading too") << QStringLiteral("单雅静") << QStringLiteral("danyj");
        QTest::newRow("user's name") << QStringLiteral("王医生 dr-wang") << QStringLiteral("wys");
        QTest::newRow("clinic") << QStringLiteral("城东社区卫生服务中心") << QStringLiteral("sqws");
    }
    void itemIsFoundByItsPinyin()
    {
        QFETCH(QString, text);
        QFETCH(QString, typed);
        QVERIFY(PinyinMatcher::matches(text, typed));
    }

    void unrelatedItemIsNotFound_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("typed");
        const QString item = QStringLiteral("心肌病 cardiomyopathy red.1.1");
        QTest::newRow("other initials") << item << QStringLiteral("gxy");
        QTest::newRow("initials out of order") << item << QStringLiteral("jxb");
        QTest::newRow("other Chinese") << item << QStringLiteral("心jz");
        QTest::newRow("across punctuation") << QStringLiteral("消化系统疾病：肝炎病") << QStringLiteral("bgy");
        QTest::newRow("letters not in the English") << item << QStringLiteral("cardix");
        QTest::newRow("more than the text") << QStringLiteral("张雅静") << QStringLiteral("zyjx");
        // "xin" is the whole of 心's reading, not the start of 性's (xing) in the middle of a text.
        QTest::newRow("start of a reading mid-text") << QStringLiteral("感染与传染性疾病") << QStringLiteral("xinjibing");
    }
    void unrelatedItemIsNotFound()
    {
        QFETCH(QString, text);
        QFETCH(QString, typed);
        QVERIFY(!PinyinMatcher::matches(text, typed));
    }
};

QTEST_GUILESS_MAIN(TestPinyinMatcher)
#include "tst_pinyinmatcher.moc"
