# FHIR at the center, in process (CenterApi::handle, no TLS): Patient search by national ID over
# 100,000 women (p99, target < 20 ms, as a ratio to the plain index look-up) and a paged export
# of every Observation of 10,000 pregnancies (resources/s).
obslink_add_benchmark(bench_fhir SOURCES ${CMAKE_CURRENT_LIST_DIR}/bench_fhir.cpp LIBS ObsLink::Center ObsLink::Fhir)
add_test(NAME bench_fhir COMMAND bench_fhir)
set_tests_properties(bench_fhir PROPERTIES LABELS bench TIMEOUT 1800)
