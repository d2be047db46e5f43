#include "demodata/demodatagenerator.h"

#include "domain/bodymass.h"
#include "domain/nationalid.h"
#include "domain/visitschedule.h"
#include "handouts/appointmentplan.h"

#include <QtMath>

#include <array>

namespace {
// Common surnames and given-name characters, weighted toward the frequent ones by repetition.
constexpr std::array surnames { u"王", u"李", u"张", u"刘", u"陈", u"杨", u"黄", u"赵", u"吴", u"周", u"徐",
    u"孙", u"马", u"朱", u"胡", u"郭", u"何", u"高", u"林", u"罗", u"郑", u"梁", u"谢", u"宋", u"唐", u"许",
    u"韩", u"冯", u"邓", u"曹", u"彭", u"曾", u"肖", u"田", u"董", u"袁", u"潘", u"于", u"蒋", u"蔡", u"余",
    u"杜", u"叶", u"程", u"苏", u"魏", u"吕", u"丁" };
constexpr std::array givenChars { u"芳", u"娜", u"敏", u"静", u"丽", u"艳", u"娟", u"霞", u"婷", u"雪", u"慧",
    u"颖", u"琳", u"倩", u"晶", u"欣", u"悦", u"佳", u"怡", u"萍", u"红", u"玲", u"燕", u"梅", u"莉", u"秀",
    u"英", u"华", u"兰", u"凤", u"洁", u"琴", u"云", u"彤", u"瑶", u"晓", u"雨", u"思", u"梦", u"诗", u"文",
    u"嘉", u"雅", u"若", u"宁", u"月", u"春", u"丹" };
constexpr std::array districts { u"鼓楼区", u"玄武区", u"秦淮区", u"建邺区", u"栖霞区", u"雨花台区",
    u"江宁区", u"浦口区", u"六合区", u"溧水区", u"高淳区" };
constexpr std::array streets { u"中山路", u"北京东路", u"汉中路", u"龙蟠路", u"江东中路", u"和燕路",
    u"天元路", u"雨花路", u"文德路", u"永阳街" };
// Area codes of the region's districts (first six digits of the national ID number).
constexpr std::array areaCodes { "320102", "320104", "320105", "320106", "320111", "320113", "320114",
    "320115", "320116", "320117", "320118" };
constexpr std::array phonePrefixes { "133", "135", "136", "137", "138", "139", "150", "151", "152", "158",
    "159", "177", "180", "186", "187", "188", "189", "199" };

template <typename Array> auto pick(QRandomGenerator &random, const Array &values)
{
    return values[static_cast<size_t>(random.bounded(static_cast<int>(values.size())))];
}
} // namespace

DemoDataGenerator::DemoDataGenerator(quint32 seed, const QDate &today, QString clinicId)
    : m_random(seed)
    , m_today(today)
    , m_clinicId(std::move(clinicId))
{
    if (auto texts = HandoutTexts::load())
        m_handoutTexts = *texts;
}

double DemoDataGenerator::gaussian(double mean, double sd)
{
    // Box–Muller on the seeded generator, so the data does not depend on the standard
    // library's distribution implementation.
    const double u1 = std::max(m_random.generateDouble(), 1e-12);
    const double u2 = m_random.generateDouble();
    return mean + sd * std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * M_PI * u2);
}

QDateTime DemoDataGenerator::during(const QDate &day)
{
    // Clinic hours 08:00–17:00 China Standard Time are 00:00–09:00 UTC, the zone of every stored
    // timestamp.
    return QDateTime(day, QTime(0, 0), Qt::UTC).addSecs(m_random.bounded(9 * 3600));
}

RecordMeta DemoDataGenerator::newMeta(const QDateTime &createdAt)
{
    // Ids come from the seeded generator too, so that two runs produce identical files. They
    // follow the UUIDv7 layout (RFC 9562) with a per-run counter in place of the clock: ids
    // ascend in the order the records are written, so a bulk import appends to the primary-key
    // indexes instead of writing pages all over a file larger than the page cache.
    const quint64 time = (static_cast<quint64>(m_today.toJulianDay()) << 24) + ++m_idCounter; // 48 bits
    RecordMeta meta;
    meta.id = QUuid(static_cast<uint>(time >> 16), static_cast<ushort>(time & 0xffff),
        static_cast<ushort>(0x7000 | (m_random.generate() & 0x0fff)),
        static_cast<uchar>(0x80 | (m_random.generate() & 0x3f)), static_cast<uchar>(m_random.generate()),
        static_cast<uchar>(m_random.generate()), static_cast<uchar>(m_random.generate()),
        static_cast<uchar>(m_random.generate()), static_cast<uchar>(m_random.generate()),
        static_cast<uchar>(m_random.generate()), static_cast<uchar>(m_random.generate()));
    meta.clinicId = m_clinicId;
    meta.createdAt = createdAt;
    meta.updatedAt = createdAt;
    meta.author = QStringLiteral("demo");
    meta.revision = 0; // not stored yet
    return meta;
}

QString DemoDataGenerator::nextName()
{
    QString name = QString::fromUtf16(pick(m_random, surnames));
    const int given = m_random.bounded(100) < 70 ? 2 : 1;
    for (int i = 0; i < given; ++i)
        name += QString::fromUtf16(pick(m_random, givenChars));
    return name;
}

QString DemoDataGenerator::nextNationalId(const QDate &birthDate)
{
    const int sequence = m_random.bounded(500) * 2; // even: female
    const QString first17 = QString::fromLatin1(pick(m_random, areaCodes))
        + birthDate.toString(QStringLiteral("yyyyMMdd"))
        + QStringLiteral("%1").arg(sequence, 3, 10, QLatin1Char('0'));
    return first17 + NationalId::checkCharacter(first17);
}

QString DemoDataGenerator::nextPhone()
{
    return QString::fromLatin1(pick(m_random, phonePrefixes))
        + QStringLiteral("%1").arg(m_random.bounded(100000000), 8, 10, QLatin1Char('0'));
}

QString DemoDataGenerator::nextAddress()
{
    return QStringLiteral("南京市%1%2%3号")
        .arg(QString::fromUtf16(pick(m_random, districts)), QString::fromUtf16(pick(m_random, streets)))
        .arg(m_random.bounded(1, 300));
}

PatientChart DemoDataGenerator::nextChart()
{
    ++m_serial;
    PatientChart chart;
    Patient &patient = chart.patient;
    // Maternal age: mostly 22–38, with tails for the risk rules (≤18, ≥35, ≥40).
    const int age = std::clamp(static_cast<int>(std::lround(gaussian(29.5, 5.0))), 17, 46);
    patient.birthDate = m_today.addYears(-age).addDays(-m_random.bounded(365));
    patient.name = nextName();
    patient.nationalId = nextNationalId(patient.birthDate);
    patient.phone = nextPhone();
    patient.address = nextAddress();
    patient.recordNumber = QStringLiteral("MH%1").arg(m_serial, 7, 10, QLatin1Char('0'));

    Pregnancy pregnancy;
    // Pregnancies spread from 5 to 42 weeks today.
    const int gaToday = m_random.bounded(5 * 7, 42 * 7);
    pregnancy.lmp = m_today.addDays(-gaToday);
    pregnancy.bookingDate = pregnancy.lmp.addDays(std::min(gaToday, m_random.bounded(6 * 7, 13 * 7)));
    // Registered at booking (建档): the woman and her pregnancy in the same minute.
    const QDateTime registered = during(pregnancy.bookingDate);
    patient.meta = newMeta(registered);
    pregnancy.meta = newMeta(registered);
    pregnancy.gravida = 1 + (m_random.bounded(100) < 55 ? m_random.bounded(0, 4) : 0);
    pregnancy.para = pregnancy.gravida > 1 ? m_random.bounded(0, pregnancy.gravida) : 0;
    const int multiple = m_random.bounded(1000);
    pregnancy.fetuses = multiple < 15 ? 2 : (multiple < 17 ? 3 : 1);
    pregnancy.heightCm = std::round(gaussian(160.0, 5.5) * 10) / 10;
    const double bmi = std::clamp(gaussian(22.0, 3.4), 16.0, 38.0);
    pregnancy.prePregnancyWeightKg = std::round(bmi * std::pow(*pregnancy.heightCm / 100.0, 2) * 10) / 10;
    if (pregnancy.para > 0 && m_random.bounded(100) < 35) {
        pregnancy.uterineSurgeries = m_random.bounded(100) < 85 ? 1 : 2;
        pregnancy.lastUterineSurgeryDate = pregnancy.lmp.addMonths(-m_random.bounded(10, 72));
    }
    if (gaToday > 40 * 7 + 3 && m_random.bounded(100) < 70)
        pregnancy.status = PregnancyStatus::Delivered;
    chart.pregnancy = pregnancy;
    addVisits(chart);
    addLabs(chart);
    // The chart was last touched at the latest visit, which is what "recently changed" sorts by.
    if (!chart.visits.isEmpty() && chart.visits.last().meta.createdAt > registered) {
        patient.meta.updatedAt = chart.visits.last().meta.createdAt;
        chart.pregnancy->meta.updatedAt = patient.meta.updatedAt;
    }
    return chart;
}

void DemoDataGenerator::addVisits(PatientChart &chart)
{
    const Pregnancy &pregnancy = *chart.pregnancy;
    const QDate edd = pregnancy.edd();
    const bool hypertensive = m_random.bounded(100) < 7;
    const bool breech = m_random.bounded(100) < 4;
    const BmiClass bmiCls = bmiClass(pregnancy.prePregnancyBmi().value_or(22.0));
    const WeightGainBand total = recommendedTotalWeightGain(bmiCls);
    const double gainAtTerm = gaussian((total.lowKg + total.highKg) / 2, 2.5);

    QDate date = pregnancy.bookingDate;
    while (date.isValid() && date <= m_today && date < edd.addDays(10)) {
        const GestationalAge age = GestationalAge::onDate(edd, date);
        AntenatalVisit visit;
        visit.meta = newMeta(during(date));
        visit.visitDate = date;
        visit.gestationalAge = age;
        const double progress = std::max(0.0, (age.totalDays() - 91) / 189.0);
        const bool late = age.totalDays() >= 20 * 7;
        int systolic = static_cast<int>(std::lround(gaussian(112, 9)));
        int diastolic = static_cast<int>(std::lround(gaussian(71, 7)));
        if (hypertensive && late) {
            systolic += 30 + m_random.bounded(15);
            diastolic += 20 + m_random.bounded(10);
        }
        visit.systolicMmHg = std::clamp(systolic, 85, 200);
        visit.diastolicMmHg = std::clamp(diastolic, 50, visit.systolicMmHg.value() - 20);
        visit.pulseBpm = std::clamp(static_cast<int>(std::lround(gaussian(82, 8))), 55, 130);
        visit.weightKg = std::round((pregnancy.prePregnancyWeightKg.value_or(55) + gainAtTerm * progress
                                        + gaussian(0, 0.4))
                             * 10)
            / 10;
        if (age.totalDays() >= 20 * 7) {
            // McDonald: fundal height in cm ≈ gestational weeks between 20 and 36 weeks.
            visit.fundalHeightCm
                = std::round((std::min(age.completedWeeks(), 36) + gaussian(0, 1.2)) * 10) / 10;
            visit.abdominalGirthCm = std::round((80 + age.completedWeeks() * 0.7 + gaussian(0, 3)) * 10) / 10;
            visit.fetalHeartRateBpm = std::clamp(static_cast<int>(std::lround(gaussian(142, 8))), 110, 170);
        }
        if (age.totalDays() >= 28 * 7)
            visit.presentation = breech ? FetalPresentation::Breech : FetalPresentation::Cephalic;
        visit.urineProtein = hypertensive && late ? UrineProtein::Plus1 : UrineProtein::Negative;
        visit.oedema = late && m_random.bounded(100) < 15 ? Oedema::Ankle : Oedema::None;
        // No draw from m_random here: the same seed gives the same women as before appointments.
        if (m_handoutTexts)
            if (const auto next = AppointmentPlan::after(pregnancy, date, *m_handoutTexts)) {
                visit.nextAppointmentOn = next->on;
                visit.nextAppointmentPurpose = next->purpose;
            }
        visit.advice = hypertensive && late ? tr("Rest, measure your blood pressure every day; come at once with a headache or blurred vision.")
                       : breech && age.totalDays() >= 32 * 7 ? tr("The baby is in breech position: we will check again at the next visit.")
                                                             : QString();
        chart.visits.append(visit);
        date = date.addDays(VisitSchedule::intervalDaysAfter(age) + m_random.bounded(-2, 3));
    }
}

void DemoDataGenerator::addLabs(PatientChart &chart)
{
    const Pregnancy &pregnancy = *chart.pregnancy;
    const QDate booking = pregnancy.bookingDate;
    if (!booking.isValid() || booking > m_today)
        return;
    const QDateTime takenAt = during(booking);
    auto add = [&](LabTest test, std::optional<double> value, std::optional<double> upperLimit = std::nullopt,
                   Serology serology = Serology::Unknown) {
        LabResult lab;
        lab.meta = newMeta(takenAt);
        lab.takenOn = booking;
        lab.test = test;
        lab.value = value;
        lab.upperLimitOfNormal = upperLimit;
        lab.serology = serology;
        chart.labs.append(lab);
    };
    const int anaemia = m_random.bounded(1000);
    const double hb = anaemia < 5 ? gaussian(55, 6) : (anaemia < 150 ? gaussian(100, 6) : gaussian(124, 9));
    add(LabTest::Haemoglobin, std::round(std::clamp(hb, 35.0, 160.0)));
    const int lowPlatelets = m_random.bounded(1000);
    const double plt
        = lowPlatelets < 4 ? gaussian(40, 6) : (lowPlatelets < 40 ? gaussian(85, 8) : gaussian(220, 50));
    add(LabTest::Platelets, std::round(std::clamp(plt, 20.0, 450.0)));
    add(LabTest::FastingGlucose, std::round(gaussian(4.6, 0.5) * 10) / 10);
    add(LabTest::Alt, std::round(std::clamp(gaussian(18, 8), 5.0, 200.0)), 40.0);
    const double creatinine = m_random.bounded(1000) < 5 ? gaussian(110, 15) : gaussian(50, 8);
    add(LabTest::Creatinine, std::round(creatinine), 84.0);
    const auto serology = [&](int perThousand) {
        return m_random.bounded(1000) < perThousand ? Serology::Positive : Serology::Negative;
    };
    add(LabTest::HBsAg, std::nullopt, std::nullopt, serology(60)); // HBsAg prevalence ≈ 6 %
    add(LabTest::Syphilis, std::nullopt, std::nullopt, serology(3));
    add(LabTest::Hiv, std::nullopt, std::nullopt, serology(1));
}
