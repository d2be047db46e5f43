obslink_add_benchmark(bench_risk SOURCES ${CMAKE_CURRENT_LIST_DIR}/bench_risk.cpp LIBS ObsLink::Risk ObsLink::DemoData)
