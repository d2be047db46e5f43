#include "dicom/structuredreport.h"

#include "dcmtkcodecs.h"
#include "dicomlog.h"
#include "dicomtextreader.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcstack.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmdata/dcvrui.h>
#include <dcmtk/dcmsr/dsrdoc.h>

#include <cmath>
#include <vector>

namespace {
// DCMTK's C-STORE receiver (DcmSCP) switches dcmdata's automatic input correction off for the
// whole process, so that received files are kept exactly as sent; files read afterwards keep
// the NUL that pads an odd-length UID, and DSRDocument then refuses the SOP Class UID as a VR
// violation. The reader trims that padding itself instead of depending on the global flag
// (putting the trimmed value back lasts only until the next read of the value).
void trimUidPadding(DcmItem &dataset)
{
    DcmStack stack;
    while (dataset.nextObject(stack, OFTrue).good()) {
        if (stack.top()->ident() != EVR_UI)
            continue;
        auto *uid = static_cast<DcmUniqueIdentifier *>(stack.top());
        OFString values;
        if (uid->getOFStringArray(values, OFTrue).good())
            uid->putOFStringArray(values);
    }
}

// PS3.16 concepts the reader itself interprets; everything else is passed on as it is.
const SrCode FetusId { QStringLiteral("11951-1"), QStringLiteral("LN"), {} };
const SrCode SubjectId { QStringLiteral("121030"), QStringLiteral("DCM"), {} };
const SrCode NumberOfFetuses { QStringLiteral("11878-6"), QStringLiteral("LN"), {} };
const SrCode Derivation { QStringLiteral("121401"), QStringLiteral("DCM"), {} };
const SrCode SelectionStatus { QStringLiteral("121404"), QStringLiteral("DCM"), {} };
const SrCode ObGynReportTitle { QStringLiteral("125000"), QStringLiteral("DCM"), {} };

bool same(const SrCode &a, const SrCode &b)
{
    return a.is(b.scheme, b.value);
}

// What a node of the content tree passes on to the nodes below it.
struct Ancestor
{
    DSRTypes::E_ValueType valueType = DSRTypes::VT_invalid;
    QString meaning;
    QString fetus;
    int measurement = -1; // index into the report's measurements when the node is a NUM
};

class ContentTreeWalker
{
public:
    ContentTreeWalker(DcmDataset &dataset, StructuredReport &report)
        : m_text(dataset)
        , m_report(report)
    {
    }

    void walk(DSRDocumentTree &tree)
    {
        if (tree.gotoRoot() == 0)
            return;
        do {
            visit(tree);
        } while (tree.iterate() > 0);
    }

private:
    QString text(const OFString &value)
    {
        return m_text.decode(QByteArray(value.c_str(), int(value.length())), false).trimmed();
    }

    SrCode code(const DSRCodedEntryValue &value)
    {
        return { QString::fromLatin1(value.getCodeValue().c_str()).trimmed(),
            QString::fromLatin1(value.getCodingSchemeDesignator().c_str()).trimmed(),
            text(value.getCodeMeaning()) };
    }

    QString fetusOfAncestors() const
    {
        for (auto it = m_ancestors.rbegin(); it != m_ancestors.rend(); ++it)
            if (!it->fetus.isEmpty())
                return it->fetus;
        return {};
    }

    void visit(DSRDocumentTree &tree)
    {
        const size_t level = tree.getLevel();
        if (level == 0)
            return;
        m_ancestors.resize(level - 1);
        DSRContentItem &item = tree.getCurrentContentItem();
        Ancestor self;
        self.valueType = item.getValueType();
        const SrCode conceptName = code(item.getConceptName());
        self.meaning = conceptName.meaning;
        Ancestor *parent = m_ancestors.empty() ? nullptr : &m_ancestors.back();

        switch (item.getValueType()) {
        case DSRTypes::VT_Text:
            // The subject context (TID 1008) names the fetus of the container it sits in.
            if (parent && (same(conceptName, FetusId) || same(conceptName, SubjectId)))
                parent->fetus = text(item.getStringValue());
            break;
        case DSRTypes::VT_Code:
            if (parent && parent->measurement >= 0
                && (same(conceptName, Derivation) || same(conceptName, SelectionStatus))) {
                if (const DSRCodedEntryValue *value = item.getCodeValuePtr())
                    m_report.measurements[parent->measurement].derivation = text(value->getCodeMeaning());
            }
            break;
        case DSRTypes::VT_Num:
            self.measurement = addMeasurement(tree, item, conceptName, parent);
            break;
        default:
            break;
        }
        m_ancestors.push_back(self);
    }

    int addMeasurement(
        DSRDocumentTree &tree, DSRContentItem &item, const SrCode &conceptName, const Ancestor *parent)
    {
        const DSRNumericMeasurementValue *numeric = item.getNumericValuePtr();
        SrMeasurement m;
        m.conceptName = conceptName;
        if (numeric) {
            m.valueText = QString::fromLatin1(numeric->getNumericValue().c_str()).trimmed();
            bool ok = false;
            const double value = m.valueText.toDouble(&ok);
            if (ok && std::isfinite(value))
                m.value = value;
            m.unit = code(numeric->getMeasurementUnit());
        }
        if (same(conceptName, NumberOfFetuses) && m.value && *m.value >= 1 && *m.value <= 10) {
            m_report.fetusCount = int(*m.value);
            return -1;
        }
        m.fetus = fetusOfAncestors();
        for (const Ancestor &a : m_ancestors)
            if (a.valueType == DSRTypes::VT_Container && !a.meaning.isEmpty())
                m.sections.append(a.meaning);
        m.derivedFromMeasurement = parent && parent->valueType == DSRTypes::VT_Num;
        OFString position;
        tree.getPosition(position);
        m.position = QString::fromLatin1(position.c_str());
        m_report.measurements.append(m);
        return int(m_report.measurements.size() - 1);
    }

    DicomTextReader m_text;
    StructuredReport &m_report;
    std::vector<Ancestor> m_ancestors;
};

QString string(DcmDataset &dataset, const DcmTagKey &tag)
{
    OFString value;
    dataset.findAndGetOFStringArray(tag, value);
    return QString::fromLatin1(value.c_str()).trimmed();
}
QString sopClassName(const QString &uid)
{
    const QByteArray latin1 = uid.toLatin1();
    return QString::fromLatin1(dcmFindNameOfUID(latin1.constData(), latin1.constData()));
}
} // namespace

bool StructuredReport::isObstetricUltrasoundReport() const
{
    return templateId == QLatin1String("5000") || same(title, ObGynReportTitle);
}

bool StructuredReportReader::isStructuredReportSopClass(const QString &sopClassUid)
{
    return DSRTypes::sopClassUIDToDocumentType(OFString(sopClassUid.toLatin1().constData()))
        != DSRTypes::DT_invalid;
}

Result<StructuredReport> StructuredReportReader::read(const QString &path)
{
    DcmtkCodecs::registerOnce();
    const QFileInfo fileInfo(path);
    const QString name = fileInfo.fileName();
    if (!fileInfo.isFile() || !fileInfo.isReadable())
        return failure(QStringLiteral("sr.unreadable"), tr("The file %1 cannot be read.").arg(path));
    DcmFileFormat file;
    const OFCondition loaded = file.loadFile(OFFilename(QFile::encodeName(path).constData()));
    if (loaded.bad())
        return failure(QStringLiteral("sr.unreadable"),
            tr("%1 is not a readable DICOM file (%2).").arg(name, QString::fromLatin1(loaded.text())));
    DcmDataset &dataset = *file.getDataset();
    StructuredReport report;
    report.sopClassUid = string(dataset, DCM_SOPClassUID);
    if (!isStructuredReportSopClass(report.sopClassUid))
        return failure(QStringLiteral("sr.not-sr"),
            tr("%1 is not a structured report (SOP class %2).")
                .arg(name, report.sopClassUid.isEmpty() ? tr("missing") : sopClassName(report.sopClassUid)));

    DSRDocument document;
    // Lenient about relationship rules, strict about content it cannot parse: vendors break
    // template constraints far more often than they write unreadable items.
    const size_t flags
        = DSRTypes::RF_acceptUnknownRelationshipType | DSRTypes::RF_ignoreRelationshipConstraints;
    trimUidPadding(dataset); // last before reading: fetching a value restores the padding
    const OFCondition read = document.read(dataset, flags);
    if (read.bad() || !document.isValid())
        return failure(QStringLiteral("sr.malformed"),
            tr("The structured report %1 cannot be read: its content tree is malformed (%2).")
                .arg(name, QString::fromLatin1(read.bad() ? read.text() : "invalid document")));
    DSRDocumentTree &tree = document.getTree();
    if (tree.isEmpty())
        return failure(QStringLiteral("sr.empty"), tr("The structured report %1 has no content.").arg(name));

    report.sopInstanceUid = string(dataset, DCM_SOPInstanceUID);
    report.studyInstanceUid = string(dataset, DCM_StudyInstanceUID);
    report.seriesInstanceUid = string(dataset, DCM_SeriesInstanceUID);
    report.studyDate = string(dataset, DCM_StudyDate);
    DicomTextReader text(dataset);
    report.patientId = text(dataset, DCM_PatientID);
    report.patientName = text(dataset, DCM_PatientName, true);
    report.manufacturer = text(dataset, DCM_Manufacturer);
    report.complete = document.getCompletionFlag() == DSRTypes::CF_Complete;
    report.verified = document.getVerificationFlag() == DSRTypes::VF_Verified;
    OFString templateId, resource;
    tree.getTemplateIdentification(templateId, resource);
    report.templateId = QString::fromLatin1(templateId.c_str()).trimmed();
    if (tree.gotoRoot() > 0) {
        const DSRCodedEntryValue &title = tree.getCurrentContentItem().getConceptName();
        report.title = { QString::fromLatin1(title.getCodeValue().c_str()),
            QString::fromLatin1(title.getCodingSchemeDesignator().c_str()),
            text.decode(QByteArray(title.getCodeMeaning().c_str()), false) };
    }
    try {
        ContentTreeWalker(dataset, report).walk(tree);
    } catch (const std::exception &) {
        return failure(QStringLiteral("sr.malformed"),
            tr("The structured report %1 cannot be read: its content tree is malformed.").arg(name));
    }
    qCDebug(lcDicom) << "structured report" << report.sopInstanceUid << report.measurements.size()
                     << "measurements";
    return report;
}
