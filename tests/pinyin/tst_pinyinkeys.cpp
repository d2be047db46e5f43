// A name's search keys: initials and full pinyin of the usual readings, surnames read as
// surnames (each polyphonic surname of the clinic's list, compound surnames), names in Latin
// letters, and characters without a reading left out.
#include "pinyin/pinyinkeys.h"

#include <QTest>

class TestPinyinKeys : public QObject
{
    Q_OBJECT

private slots:
    void nameGivesInitialsAndFullPinyinWithoutTones()
    {
        const PinyinKeys keys = PinyinKeys::ofName(QStringLiteral("张雅静"));
        QCOMPARE(keys.initials, QStringLiteral("zyj"));
        QCOMPARE(keys.full, QStringLiteral("zhangyajing"));
        QCOMPARE(PinyinKeys::ofName(QStringLiteral(" 吕丽 ")).full, QStringLiteral("lvli"));
    }

    void polyphonicSurnameReadsAsSurname_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("full");
        QTest::addColumn<QString>("initials");
        // The given name 雅静 (yǎjìng) after each surname of the list.
        struct Surname
        {
            const char16_t *surname;
            const char *full;
            const char *initials;
        };
        const QList<Surname> surnames { { u"单", "shan", "s" }, { u"曾", "zeng", "z" }, { u"仇", "qiu", "q" },
            { u"解", "xie", "x" }, { u"查", "zha", "z" }, { u"朴", "piao", "p" }, { u"区", "ou", "o" },
            { u"乐", "yue", "y" }, { u"盖", "ge", "g" }, { u"尉", "yu", "y" }, { u"缪", "miao", "m" },
            { u"覃", "qin", "q" }, { u"翟", "zhai", "z" }, { u"长", "chang", "c" }, { u"长孙", "zhangsun", "zs" },
            { u"尉迟", "yuchi", "yc" }, { u"万俟", "moqi", "mq" }, { u"澹台", "tantai", "tt" },
            { u"令狐", "linghu", "lh" }, { u"任", "ren", "r" }, { u"华", "hua", "h" }, { u"纪", "ji", "j" },
            { u"宁", "ning", "n" }, { u"那", "na", "n" } };
        for (const Surname &surname : surnames) {
            const QString name = QString::fromUtf16(surname.surname) + QStringLiteral("雅静");
            QTest::newRow(qPrintable(name)) << name << QLatin1String(surname.full) + QStringLiteral("yajing")
                                            << QLatin1String(surname.initials) + QStringLiteral("yj");
        }
    }
    void polyphonicSurnameReadsAsSurname()
    {
        QFETCH(QString, name);
        QFETCH(QString, full);
        QFETCH(QString, initials);
        const PinyinKeys keys = PinyinKeys::ofName(name);
        QCOMPARE(keys.full, full);
        QCOMPARE(keys.initials, initials);
    }

    void compoundSurnameHasOneInitialPerCharacter()
    {
        QCOMPARE(PinyinKeys::ofName(QStringLiteral("长孙雅静")).initials, QStringLiteral("zsyj"));
        QCOMPARE(PinyinKeys::ofName(QStringLiteral("尉迟敏")).initials, QStringLiteral("ycm"));
    }

    void polyphonicCharacterInTheGivenNameKeepsItsUsualReading()
    {
        // 单 as a surname is Shàn; in the given name it is read dān, its usual reading.
        QCOMPARE(PinyinKeys::ofName(QStringLiteral("单单")).full, QStringLiteral("shandan"));
        QCOMPARE(PinyinKeys::ofName(QStringLiteral("王乐")).full, QStringLiteral("wangle"));
        // A two-character name is a surname and a given name, never a compound surname.
        QCOMPARE(PinyinKeys::ofName(QStringLiteral("长孙")).full, QStringLiteral("changsun"));
    }

    void ordinarySurnameReadsAsUsual()
    {
        QCOMPARE(PinyinKeys::ofName(QStringLiteral("王芳")).full, QStringLiteral("wangfang"));
        QCOMPARE(PinyinKeys::ofName(QStringLiteral("欧阳娜娜")).full, QStringLiteral("ouyangnana"));
    }

    void latinNameKeepsItsLettersWithOneInitialPerWord()
    {
        const PinyinKeys keys = PinyinKeys::ofName(QStringLiteral("Anna-Maria José"));
        QCOMPARE(keys.full, QStringLiteral("annamariajose"));
        QCOMPARE(keys.initials, QStringLiteral("amj"));
    }

    void minorityNameWithMiddleDotReadsEveryCharacter()
    {
        QCOMPARE(PinyinKeys::ofName(QStringLiteral("阿依·买买提")).initials, QStringLiteral("aymmt"));
    }

    void emptyNameHasEmptyKeys()
    {
        QVERIFY(PinyinKeys::ofName(QString()).full.isEmpty());
        QVERIFY(PinyinKeys::ofName(QStringLiteral("123")).initials.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestPinyinKeys)
#include "tst_pinyinkeys.moc"
