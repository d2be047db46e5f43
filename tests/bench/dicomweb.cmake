# WADO-RS retrieval of a 100-frame study from a real Orthanc behind nginx TLS on loopback,
# against reading the same bytes from disk in the same run.
if(TARGET obslink_pacs_testsupport)
  obslink_add_benchmark(bench_dicomweb SOURCES ${CMAKE_CURRENT_LIST_DIR}/bench_dicomweb.cpp
                        LIBS obslink_pacs_testsupport)
endif()
