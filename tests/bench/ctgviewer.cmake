obslink_add_benchmark(bench_ctgviewer SOURCES ${CMAKE_CURRENT_LIST_DIR}/bench_ctgviewer.cpp LIBS ObsLink::CtgUi)
