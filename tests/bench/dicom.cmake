# DICOM cine decoding: first frame, whole loop against dcmj2pnm, sustained playback, memory.
# The test file is written with the DICOM tests' synthesizer (DCMTK's JPEG encoder).
if(TARGET obslink_dicom_testdata)
  obslink_add_benchmark(bench_dicom SOURCES ${CMAKE_CURRENT_LIST_DIR}/bench_dicom.cpp
                        LIBS ObsLink::Dicom obslink_dicom_testdata)
endif()
