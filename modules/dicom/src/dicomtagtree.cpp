#include "dicom/dicomtagtree.h"

#include "dicomtextreader.h"

#include <QFile>
#include <QFileInfo>

#include <dcmtk/dcmdata/dcdict.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcitem.h>
#include <dcmtk/dcmdata/dcmetinf.h>
#include <dcmtk/dcmdata/dcsequen.h>
#include <dcmtk/dcmdata/dcvr.h>

#include <new>

namespace {
// Values longer than this stay on disk: the browser shows their size, not their bytes.
constexpr Uint32 MaxLoadedValueBytes = 1024;

bool isText(DcmEVR vr)
{
    switch (vr) {
    case EVR_AE:
    case EVR_AS:
    case EVR_CS:
    case EVR_DA:
    case EVR_DS:
    case EVR_DT:
    case EVR_IS:
    case EVR_LO:
    case EVR_LT:
    case EVR_PN:
    case EVR_SH:
    case EVR_ST:
    case EVR_TM:
    case EVR_UC:
    case EVR_UI:
    case EVR_UR:
    case EVR_UT:
        return true;
    default:
        return false;
    }
}

bool isNumeric(DcmEVR vr)
{
    switch (vr) {
    case EVR_US:
    case EVR_SS:
    case EVR_UL:
    case EVR_SL:
    case EVR_FL:
    case EVR_FD:
    case EVR_AT:
    case EVR_SV:
    case EVR_UV:
        return true;
    default:
        return false;
    }
}

class TreeBuilder
{
public:
    explicit TreeBuilder(DcmItem &dataset)
        : m_text(dataset)
    {
    }

    QList<DicomTagNode> items(DcmItem &item, int depth)
    {
        QList<DicomTagNode> nodes;
        for (unsigned long i = 0; i < item.card(); ++i) {
            if (DcmElement *element = item.getElement(i))
                nodes.append(node(*element, depth));
        }
        return nodes;
    }

private:
    DicomTagNode node(DcmElement &element, int depth)
    {
        DcmTag tag = element.getTag();
        DicomTagNode n;
        n.group = tag.getGTag();
        n.element = tag.getETag();
        n.keyword = tag.isPrivate() ? QString() : QString::fromLatin1(tag.getTagName());
        if (n.keyword == QLatin1String(DcmTag_ERROR_TagName))
            n.keyword.clear();
        n.vr = QString::fromLatin1(DcmVR(element.ident()).getVRName());
        if (element.ident() == EVR_SQ) {
            auto &sequence = static_cast<DcmSequenceOfItems &>(element);
            n.value = DicomTagTree::tr("%n item(s)", nullptr, int(sequence.card()));
            if (depth >= DicomTagTree::MaxDepth) {
                n.value += QStringLiteral(" …");
                return n;
            }
            for (unsigned long i = 0; i < sequence.card(); ++i) {
                DicomTagNode itemNode;
                itemNode.group = 0xFFFE;
                itemNode.element = 0xE000;
                itemNode.keyword = DicomTagTree::tr("Item %1").arg(i + 1);
                if (DcmItem *child = sequence.getItem(i))
                    itemNode.children = items(*child, depth + 1);
                n.children.append(itemNode);
            }
            return n;
        }
        n.value = value(element);
        if (n.value.size() > DicomTagTree::MaxValueCharacters)
            n.value = n.value.left(DicomTagTree::MaxValueCharacters) + QStringLiteral("…");
        return n;
    }

    QString value(DcmElement &element)
    {
        const Uint32 length = element.getLength();
        const DcmEVR vr = element.ident();
        const bool small = length <= MaxLoadedValueBytes;
        if (small && isText(vr)) {
            char *raw = nullptr;
            if (element.getString(raw).good() && raw) {
                // Values are padded to even length with a space, or a NUL for UIs (PS3.5 6.2).
                QByteArray bytes(raw, static_cast<qsizetype>(length));
                while (!bytes.isEmpty() && (bytes.back() == '\0' || bytes.back() == ' '))
                    bytes.chop(1);
                return m_text.decode(bytes, vr == EVR_PN).trimmed();
            }
            return {};
        }
        if (small && isNumeric(vr)) {
            OFString text;
            if (element.getOFStringArray(text).good())
                return QString::fromLatin1(text.c_str());
            return {};
        }
        return DicomTagTree::tr("%n byte(s)", nullptr, int(std::min<Uint32>(length, 0x7FFFFFFF)));
    }

    DicomTextReader m_text;
};
} // namespace

QString DicomTagNode::tagText() const
{
    return QStringLiteral("(%1,%2)")
        .arg(group, 4, 16, QLatin1Char('0'))
        .arg(element, 4, 16, QLatin1Char('0'))
        .toUpper();
}

Result<QList<DicomTagNode>> DicomTagTree::read(const QString &path)
{
    DcmFileFormat file;
    OFCondition status;
    try {
        status = file.loadFile(OFFilename(QFile::encodeName(path).constData()), EXS_Unknown, EGL_withoutGL,
            MaxLoadedValueBytes, ERM_autoDetect);
    } catch (const std::bad_alloc &) {
        status = EC_MemoryExhausted;
    }
    if (status.bad())
        return failure(QStringLiteral("dicom.unreadable"),
            tr("%1 is not a readable DICOM file (%2).")
                .arg(QFileInfo(path).fileName(), QString::fromLatin1(status.text())));
    DcmDataset &dataset = *file.getDataset();
    TreeBuilder builder(dataset);
    QList<DicomTagNode> tree = builder.items(*file.getMetaInfo(), 0);
    tree.append(builder.items(dataset, 0));
    return tree;
}

QString DicomTagTree::valueOf(const QList<DicomTagNode> &tree, quint16 group, quint16 element)
{
    for (const DicomTagNode &node : tree) {
        if (node.group == group && node.element == element)
            return node.value;
    }
    return {};
}
