// The tag browser's tree: known attributes with their values in Unicode, the Sequence of
// Ultrasound Regions as items, pixel data by size only, and a clear error for a non-DICOM file.
#include "dicom/dicomtagtree.h"
#include "synthfolder.h"

#include <QFile>
#include <QTest>

class TestDicomTagTree : public QObject
{
    Q_OBJECT

private slots:
    void patientNameInTheFilesCharacterSetAndModality()
    {
        SynthFolder folder;
        SynthImage image = DicomSynth::grey(8, 8, false, 1);
        image.characterSet = QStringLiteral("ISO_IR 192");
        image.patientName = QStringLiteral("王^小红").toUtf8();
        const QString path = folder.write(image, SynthSyntax::ExplicitLittle);
        QVERIFY(!path.isEmpty());
        auto tree = DicomTagTree::read(path);
        QVERIFY(tree);
        QCOMPARE(DicomTagTree::valueOf(*tree, 0x0010, 0x0010), QStringLiteral("王^小红"));
        QCOMPARE(DicomTagTree::valueOf(*tree, 0x0008, 0x0060), QStringLiteral("US"));
        // The meta header comes first.
        QCOMPARE(tree->first().group, quint16(0x0002));
        const auto name = std::find_if(tree->begin(), tree->end(),
            [](const DicomTagNode &n) { return n.element == 0x0010 && n.group == 0x0010; });
        QCOMPARE(name->keyword, QStringLiteral("PatientName"));
        QCOMPARE(name->vr, QStringLiteral("PN"));
        QCOMPARE(name->tagText(), QStringLiteral("(0010,0010)"));
    }

    void ultrasoundRegionsAreASequenceOfItemsWithTheirDeltas()
    {
        SynthFolder folder;
        SynthImage image = DicomSynth::grey(8, 8, false, 1);
        image.regions = { DicomSynth::region(1, 1, QRect(0, 0, 64, 48), UltrasoundRegion::Centimetre,
            UltrasoundRegion::Centimetre, 0.025, 0.025) };
        auto tree = DicomTagTree::read(folder.write(image, SynthSyntax::ExplicitLittle));
        QVERIFY(tree);
        const auto regions = std::find_if(tree->begin(), tree->end(),
            [](const DicomTagNode &n) { return n.group == 0x0018 && n.element == 0x6011; });
        QVERIFY(regions != tree->end());
        QCOMPARE(regions->vr, QStringLiteral("SQ"));
        QCOMPARE(regions->children.size(), 1);
        QCOMPARE(DicomTagTree::valueOf(regions->children.first().children, 0x0018, 0x602C).toDouble(), 0.025);
    }

    void pixelDataIsShownBySizeNotRead()
    {
        SynthFolder folder;
        auto tree
            = DicomTagTree::read(folder.write(DicomSynth::grey(8, 8, false, 2), SynthSyntax::ExplicitLittle));
        QVERIFY(tree);
        QCOMPARE(DicomTagTree::valueOf(*tree, 0x7FE0, 0x0010),
            DicomTagTree::tr("%n byte(s)", nullptr, 2 * 64 * 48));
    }

    void aTextFileIsRefusedWithItsName()
    {
        SynthFolder folder;
        QFile file(folder.filePath(QStringLiteral("notes.txt")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not a DICOM file at all");
        file.close();
        auto tree = DicomTagTree::read(file.fileName());
        QVERIFY(!tree);
        QCOMPARE(tree.error().code, QStringLiteral("dicom.unreadable"));
        QVERIFY(tree.error().message.contains(QStringLiteral("notes.txt")));
    }
};

QTEST_GUILESS_MAIN(TestDicomTagTree)
#include "tst_dicomtagtree.moc"
