// Writes the fuzzers' seed corpora, made by the project itself so that a fresh clone can fuzz
// offline: one folder per fuzzer under the folder given, each input in the layout its harness
// reads (fuzzinput.h). `fuzz-seeds <folder>`.
#include "ctg/ctgfileformat.h"
#include "ctg/ctgsynthesizer.h"
#include "dicom/obgynreportwriter.h"
#include "dicomsynth.h"
#include "fuzzinput.h"
#include "srsynth.h"
#include "sync-protocol/protocolcodec.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

#include <cstdio>

namespace {
class Corpus
{
public:
    Corpus(const QString &root, const QString &fuzzer)
        : m_dir(root + QLatin1Char('/') + fuzzer)
    {
        QDir().mkpath(m_dir);
    }
    void add(const QString &name, const QByteArray &bytes) const
    {
        QFile file(m_dir + QLatin1Char('/') + name);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size()) {
            std::fprintf(stderr, "cannot write %s\n", qPrintable(file.fileName()));
            std::exit(1);
        }
    }
    QString path(const QString &name) const { return m_dir + QLatin1Char('/') + name; }

private:
    QString m_dir;
};

QString uuid() { return QUuid::createUuid().toString(QUuid::WithoutBraces); }

void dicomSeeds(const QString &root)
{
    const Corpus corpus(root, QStringLiteral("dicom"));
    struct Seed
    {
        const char *name;
        SynthImage image;
        SynthSyntax syntax;
    };
    const Seed seeds[] = {
        { "grey8-explicit", DicomSynth::grey(8, 8, false, 2), SynthSyntax::ExplicitLittle },
        { "grey16-implicit", DicomSynth::grey(16, 12, true, 1), SynthSyntax::ImplicitLittle },
        { "grey16-big", DicomSynth::grey(16, 16, false, 1), SynthSyntax::ExplicitBig },
        { "rgb-deflated", DicomSynth::rgb(1, 1, QSize(16, 12)), SynthSyntax::Deflated },
        { "ybr-jpeg", DicomSynth::ybrFull422(1), SynthSyntax::JpegBaseline },
        { "grey-jpegls", DicomSynth::grey(16, 12, false, 1), SynthSyntax::JpegLs },
        { "grey-jpeglossless", DicomSynth::grey(16, 12, false, 1), SynthSyntax::JpegLossless },
        { "rgb-rle", DicomSynth::rgb(2, 0, QSize(16, 12)), SynthSyntax::Rle },
        { "rgb-jpeg2000", DicomSynth::rgb(1, 0, QSize(16, 12)), SynthSyntax::Jpeg2000 },
        { "grey-jpeg2000-lossy", DicomSynth::grey(8, 8, false, 1), SynthSyntax::Jpeg2000Lossy },
        { "palette8", DicomSynth::palette(8, 256, 1, QSize(16, 12)), SynthSyntax::ExplicitLittle },
        { "palette-segmented", DicomSynth::asSegmentedPalette(DicomSynth::palette(8, 64, 1, QSize(16, 12))),
            SynthSyntax::ExplicitLittle },
    };
    for (const Seed &seed : seeds) {
        QString error;
        const QString name = QString::fromLatin1(seed.name) + QStringLiteral(".dcm");
        if (!DicomSynth::write(seed.image, seed.syntax, corpus.path(name), &error)) {
            std::fprintf(stderr, "cannot write the DICOM seed %s: %s\n", seed.name, qPrintable(error));
            std::exit(1);
        }
    }
    const auto written = ObGynReportWriter::write(
        SrSynth::twins(QStringLiteral("1.2.826.0.1.3680043.10.543.90"), QStringLiteral("P-90"), QDate(2026, 12, 1)),
        corpus.path(QStringLiteral("twins-sr.dcm")));
    if (!written) {
        std::fprintf(stderr, "cannot write the SR seed: %s\n", qPrintable(written.error().message));
        std::exit(1);
    }
}

void ctgSeeds(const QString &root)
{
    const Corpus corpus(root, QStringLiteral("ctgimport"));
    CtgSynthesizer synthesizer(240, 138);
    synthesizer.add({ 60, 30, 20 }).contraction(150).addAbrupt({ 160, 40, -30 }).loss(200, 10).maternalPulse(85, true);
    const CtgTrace trace = synthesizer.build();

    QByteArray csv = "time_s,fhr_bpm,toco,mhr_bpm\n";
    for (qsizetype i = 0; i < trace.sampleCount(); ++i) {
        const auto cell = [](float value) { return CtgTrace::isLost(value) ? QByteArray() : QByteArray::number(value, 'f', 1); };
        csv += QByteArray::number(double(i) / trace.sampleRateHz, 'f', 2) + ',' + cell(trace.fhrBpm[i]) + ','
            + cell(trace.tocoUnits.value(i, CtgTrace::Lost)) + ',' + cell(trace.mhrBpm.value(i, CtgTrace::Lost)) + '\n';
    }
    corpus.add(QStringLiteral("csv"), 'c' + csv);
    corpus.add(QStringLiteral("csv-semicolons"), 'c' + QByteArray("time_s;fhr_bpm;toco\n0;140;10\n0.25;0;12\n0.5;141;\n"));

    // WFDB format 16, as the CTU-UHB database: FHR and UC, 100 units per bpm.
    const QByteArray header = "record 2 4 " + QByteArray::number(trace.sampleCount())
        + "\nrecord.dat 16 100/bpm 12 0 0 0 0 FHR\nrecord.dat 16 100/nd 12 0 0 0 0 UC\n";
    QByteArray dat;
    for (qsizetype i = 0; i < trace.sampleCount(); ++i)
        for (const float value : { trace.fhrBpm[i], trace.tocoUnits.value(i, 0) }) {
            const qint16 stored = CtgTrace::isLost(value) ? 0 : qint16(value * 100);
            dat.append(char(stored & 0xff)).append(char((stored >> 8) & 0xff));
        }
    corpus.add(QStringLiteral("wfdb"), 'w' + FuzzInput::joined({ header, dat }));
    corpus.add(QStringLiteral("compact"), 'x' + CtgFileFormat::encode(trace));
}

Mutation patientInsert()
{
    return Mutation { uuid(), QStringLiteral("patient"), uuid(), Mutation::Operation::Insert, 0,
        QJsonObject { { QStringLiteral("name"), QStringLiteral("测试 孕妇") },
            { QStringLiteral("birth_date"), QStringLiteral("1993-04-02") },
            { QStringLiteral("record_number"), QStringLiteral("MH-0001") } } };
}

QByteArray pushBody()
{
    Mutation update = patientInsert();
    update.operation = Mutation::Operation::Update;
    update.baseRevision = 3;
    update.fields = { { QStringLiteral("phone"), QStringLiteral("13800138000") } };
    return ProtocolCodec::encode(PushRequest { QStringLiteral("fuzz-device"), { patientInsert(), update } });
}

void syncSeeds(const QString &root)
{
    const Corpus corpus(root, QStringLiteral("syncprotocol"));
    corpus.add(QStringLiteral("push-request"), 'q' + pushBody());
    MutationOutcome applied;
    applied.mutationId = uuid();
    applied.status = MutationOutcome::Status::Applied;
    applied.revision = 4;
    corpus.add(QStringLiteral("push-response"), 's' + ProtocolCodec::encode(PushResponse { { applied } }));
    const Change change { 17, QStringLiteral("patient"), uuid(), 2, patientInsert().fields };
    corpus.add(QStringLiteral("pull-response"), 'p' + ProtocolCodec::encode(PullResponse { { change }, QStringLiteral("17"), true }));
}

void dicomwebSeeds(const QString &root)
{
    const Corpus corpus(root, QStringLiteral("dicomweb"));
    corpus.add(QStringLiteral("qido"),
        'j'
            + QByteArray(R"([{"0020000D": {"vr": "UI", "Value": ["1.2.826.0.1.3680043.10.543.1"]},)"
                         R"("00100010": {"vr": "PN", "Value": [{"Alphabetic": "Test^Synthetic"}]},)"
                         R"("00100020": {"vr": "LO", "Value": ["110101199001011234"]},)"
                         R"("00080020": {"vr": "DA", "Value": ["20261201"]},)"
                         R"("00080061": {"vr": "CS", "Value": ["US"]}}])"));
    const QByteArray contentType = "multipart/related; type=\"application/dicom\"; boundary=obslink-boundary";
    const QByteArray body = "preamble\r\n--obslink-boundary\r\nContent-Type: application/dicom\r\n"
                            "Content-Location: /studies/1/series/2/instances/3\r\n\r\nDICM-bytes-one\r\n"
                            "--obslink-boundary\r\nContent-Type: application/dicom\r\n\r\ntwo\r\n"
                            "--obslink-boundary--\r\nepilogue";
    corpus.add(QStringLiteral("multipart"), char(7) + FuzzInput::joined({ contentType, body }));
    corpus.add(QStringLiteral("multipart-bytewise"), char(0) + FuzzInput::joined({ contentType, body }));
}

void centerSeeds(const QString &root)
{
    const Corpus corpus(root, QStringLiteral("centerrequest"));
    const auto request = [&](const char *name, const QByteArray &method, const QByteArray &path,
                             const QByteArray &query, const QByteArray &caller, const QByteArray &body) {
        corpus.add(QString::fromLatin1(name), FuzzInput::joined({ method, path, query, caller, body }));
    };
    request("login", "POST", "/api/v1/login", {}, {},
        QJsonDocument(QJsonObject { { QStringLiteral("username"), QStringLiteral("nurse") },
                          { QStringLiteral("password"), QStringLiteral("Fuzz-password-1") },
                          { QStringLiteral("deviceId"), QStringLiteral("fuzz-device") } })
            .toJson(QJsonDocument::Compact));
    request("refresh", "POST", "/api/v1/token/refresh", {}, {}, R"({"refreshToken":"x","deviceId":"fuzz-device"})");
    request("push", "POST", "/api/v1/sync/push", {}, "nurse", pushBody());
    request("pull", "GET", "/api/v1/sync/pull", "cursor=0&limit=50", "nurse", {});
    request("me", "GET", "/api/v1/me", {}, "admin", {});
    request("clinics", "GET", "/api/v1/clinics", {}, "nurse", {});
    request("audit-search", "GET", "/api/v1/audit", "user=nurse&from=2026-01-01T00:00:00Z", "regional", {});
    request("referral", "POST", "/api/v1/referrals", {}, "nurse", R"({"referralId":"r1","patientId":"p1"})");
    request("blob-status", "GET", "/api/v1/blobs/0123456789abcdef", {}, "nurse", {});
    request("blob-chunk", "PUT", "/api/v1/blobs/0123456789abcdef/chunks/0", {}, "nurse", "bytes");
    request("fhir-search", "GET", "/fhir/Patient", "identifier=110101199001011234&_count=5", "regional", {});
    request("fhir-metadata", "GET", "/fhir/metadata", {}, {}, {});
    request("logout", "POST", "/api/v1/logout", {}, "admin", "{}");
    request("bad-token", "GET", "/api/v1/me", {}, "Bearer not-a-token", {});
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: fuzz-seeds <folder>\n");
        return 2;
    }
    const QString root = QString::fromLocal8Bit(argv[1]);
    dicomSeeds(root);
    ctgSeeds(root);
    syncSeeds(root);
    dicomwebSeeds(root);
    centerSeeds(root);
    return 0;
}
