// Grading throughput over a 100,000-woman synthetic clinic on one core, as the ratio to a
// reference loop that only reads the same inputs (the cost of touching the data at all).
#include "demodata/demodatagenerator.h"
#include "risk/riskengine.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    constexpr int Pregnancies = 100'000;
    const QDate today(2026, 11, 1);
    DemoDataGenerator generator(7, today, QStringLiteral("bench"));
    QList<RiskInput> inputs;
    inputs.reserve(Pregnancies);
    for (int i = 0; i < Pregnancies; ++i) {
        const PatientChart chart = generator.nextChart();
        inputs.append(RiskInput::fromRecords(chart.patient, *chart.pregnancy, chart.visits, chart.labs, {}, today));
    }
    const RiskEngine engine(RuleSet::national2017());
    QElapsedTimer reference;
    reference.start();
    double checksum = 0;
    for (const RiskInput &input : inputs) {
        const DerivedInputs derived = RiskInputs::derive(input);
        checksum += derived[0].value;
    }
    const double referenceSeconds = static_cast<double>(reference.nsecsElapsed()) / 1e9;

    QElapsedTimer timer;
    timer.start();
    int red = 0;
    for (const RiskInput &input : inputs)
        red += engine.assess(input)->grade == QLatin1String("red") ? 1 : 0;
    const double seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    std::printf("bench: risk_grading_throughput %.0f pregnancies/s\n", Pregnancies / seconds);
    std::printf("bench: risk_grading_per_pregnancy %.2f us\n", seconds * 1e6 / Pregnancies);
    std::printf("bench: risk_grading_vs_input_derivation %.2f ratio\n", seconds / referenceSeconds);
    std::fprintf(stderr, "(red: %d, checksum %.0f)\n", red, checksum);
    return 0;
}
