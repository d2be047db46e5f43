#include "dicom/obgynreportwriter.h"

#include "dcmtkcodecs.h"

#include <QFile>

#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmsr/dsrdoc.h>

#include <vector>

namespace {
DSRCodedEntryValue coded(const SrCode &code)
{
    return DSRCodedEntryValue(code.value.toStdString().c_str(), code.scheme.toStdString().c_str(),
        code.meaning.toUtf8().constData(), DSRTypes::CVT_auto, OFFalse);
}

DSRCodedEntryValue coded(const char *value, const char *scheme, const char *meaning)
{
    return DSRCodedEntryValue(value, scheme, meaning, DSRTypes::CVT_auto, OFFalse);
}

bool ok(const OFCondition &condition)
{
    return condition.good();
}

// Appends content items depth-first. The cursor always rests on the last item added to the
// container being filled (or on that container while it is still empty), so each item goes
// after its last sibling.
class ContentAppender
{
public:
    explicit ContentAppender(DSRDocumentTree &tree)
        : m_tree(tree)
    {
    }

    bool root(const DSRCodedEntryValue &title)
    {
        if (m_tree.addContentItem(DSRTypes::RT_isRoot, DSRTypes::VT_Container) == 0
            || !ok(m_tree.getCurrentContentItem().setConceptName(title, OFFalse)))
            return false;
        m_children.push_back(0);
        return true;
    }

    bool add(DSRTypes::E_RelationshipType relationship, DSRTypes::E_ValueType type,
        const DSRCodedEntryValue &conceptName)
    {
        const OFCondition added = m_children.back() == 0
            ? m_tree.addChildContentItem(relationship, type, conceptName, OFFalse)
            : m_tree.addContentItem(relationship, type, conceptName, OFFalse);
        if (!ok(added))
            return false;
        ++m_children.back();
        return true;
    }

    // Adds an item and makes it the one being filled.
    bool open(DSRTypes::E_RelationshipType relationship, DSRTypes::E_ValueType type,
        const DSRCodedEntryValue &conceptName)
    {
        if (!add(relationship, type, conceptName))
            return false;
        m_children.push_back(0);
        return true;
    }

    void close()
    {
        if (m_children.back() > 0)
            m_tree.goUp();
        m_children.pop_back();
    }

    DSRContentItem &current() { return m_tree.getCurrentContentItem(); }

private:
    DSRDocumentTree &m_tree;
    std::vector<int> m_children; // items added so far to each open container
};

class ReportBuilder
{
public:
    explicit ReportBuilder(ContentAppender &content)
        : m_content(content)
    {
    }

    bool measurement(const ObGynWrittenMeasurement &m)
    {
        if (!m_content.open(DSRTypes::RT_contains, DSRTypes::VT_Num, coded(m.conceptName))
            || !ok(m_content.current().setNumericValue(
                DSRNumericMeasurementValue(m.value.toStdString().c_str(), coded(m.unit)), OFFalse)))
            return false;
        if (m.mean
            && (!m_content.add(
                    DSRTypes::RT_hasConceptMod, DSRTypes::VT_Code, coded("121401", "DCM", "Derivation"))
                || !ok(m_content.current().setCodeValue(coded("R-00317", "SRT", "Mean"), OFFalse))))
            return false;
        if (m.derivedGestationalAgeDays
            && (!m_content.add(
                    DSRTypes::RT_inferredFrom, DSRTypes::VT_Num, coded("18185-9", "LN", "Gestational Age"))
                || !ok(m_content.current().setNumericValue(
                    DSRNumericMeasurementValue(QByteArray::number(*m.derivedGestationalAgeDays).constData(),
                        coded("d", "UCUM", "days")),
                    OFFalse))))
            return false;
        m_content.close();
        return true;
    }

    // Opens a section container with the fetus's subject context (TID 1008).
    bool section(const DSRCodedEntryValue &conceptName, const QString &fetusId)
    {
        if (!m_content.open(DSRTypes::RT_contains, DSRTypes::VT_Container, conceptName))
            return false;
        return fetusId.isEmpty()
            || (m_content.add(
                    DSRTypes::RT_hasObsContext, DSRTypes::VT_Text, coded("11951-1", "LN", "Fetus ID"))
                && ok(m_content.current().setStringValue(fetusId.toUtf8().constData(), OFFalse)));
    }

    bool fetus(const ObGynWrittenFetus &fetus)
    {
        if (!fetus.biometry.isEmpty()) {
            if (!section(coded("125002", "DCM", "Fetal Biometry"), fetus.fetusId))
                return false;
            for (const ObGynWrittenMeasurement &m : fetus.biometry) {
                if (!m_content.open(DSRTypes::RT_contains, DSRTypes::VT_Container,
                        coded("125005", "DCM", "Biometry Group"))
                    || !measurement(m))
                    return false;
                m_content.close();
            }
            m_content.close();
        }
        if (!fetus.amnioticSac.isEmpty()) {
            if (!section(coded("121070", "DCM", "Findings"), fetus.fetusId)
                || !m_content.add(
                    DSRTypes::RT_hasConceptMod, DSRTypes::VT_Code, coded("G-C0E3", "SRT", "Finding Site"))
                || !ok(m_content.current().setCodeValue(coded("T-F1300", "SRT", "Amniotic Sac"), OFFalse)))
                return false;
            for (const ObGynWrittenMeasurement &m : fetus.amnioticSac)
                if (!measurement(m))
                    return false;
            m_content.close();
        }
        return true;
    }

    bool summary(std::optional<int> fetusCount)
    {
        if (!section(coded("121111", "DCM", "Summary"), {}))
            return false;
        if (fetusCount) {
            ObGynWrittenMeasurement count;
            count.conceptName = { QStringLiteral("11878-6"), QStringLiteral("LN"),
                QStringLiteral("Number of Fetuses by US") };
            count.value = QString::number(*fetusCount);
            count.unit = { QStringLiteral("{fetus}"), QStringLiteral("UCUM"), QStringLiteral("fetus") };
            if (!measurement(count))
                return false;
        }
        m_content.close();
        return true;
    }

private:
    ContentAppender &m_content;
};
} // namespace

SrCode ObGynReportContent::ucum(const QString &code)
{
    return { code, QStringLiteral("UCUM"), code };
}

Result<void> ObGynReportWriter::write(const ObGynReportContent &report, const QString &path)
{
    DcmtkCodecs::registerOnce();
    DSRDocument document(DSRTypes::DT_ComprehensiveSR);
    document.setSpecificCharacterSetType(DSRTypes::CS_UTF8);
    if (!report.studyInstanceUid.isEmpty())
        document.createNewSeriesInStudy(report.studyInstanceUid.toStdString().c_str());
    document.setPatientID(report.patientId.toUtf8().constData());
    document.setPatientName(report.patientName.toUtf8().constData());
    document.setStudyDate(report.studyDate.toString(QStringLiteral("yyyyMMdd")).toStdString().c_str());
    document.setManufacturer(report.manufacturer.toUtf8().constData());
    document.setSeriesDescription("OB-GYN Ultrasound Procedure Report");
    DSRDocumentTree &tree = document.getTree();
    ContentAppender content(tree);
    ReportBuilder builder(content);
    bool written = content.root(coded("125000", "DCM", "OB-GYN Ultrasound Procedure Report"))
        && ok(tree.setTemplateIdentification("5000", "DCMR")) && builder.summary(report.fetusCount);
    for (const ObGynWrittenFetus &fetus : report.fetuses)
        written = written && builder.fetus(fetus);
    written = written && ok(document.completeDocument());
    DcmFileFormat file;
    if (written)
        written = ok(document.write(*file.getDataset()));
    if (!written)
        return failure(QStringLiteral("sr.write"), tr("The structured report could not be composed."));
    const OFCondition saved
        = file.saveFile(OFFilename(QFile::encodeName(path).constData()), EXS_LittleEndianExplicit);
    if (saved.bad())
        return failure(QStringLiteral("sr.write"),
            tr("Cannot write %1: %2").arg(path, QString::fromLatin1(saved.text())));
    return {};
}
