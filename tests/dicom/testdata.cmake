# The tests write their own DICOM files: DCMTK's encoders (and OpenJPEG's for JPEG 2000) make
# them, DCMTK's dcmj2pnm/dcml2pnm give the reference rendering. Neither is used to check the
# module against itself: the module decodes, the tools and the known samples judge.
find_package(DCMTK REQUIRED CONFIG)
find_package(PkgConfig REQUIRED)
pkg_check_modules(OPENJPEG REQUIRED IMPORTED_TARGET libopenjp2)

# Included by the tests and by the fuzzers' seed writer (tests/fuzz).
set(obslink_dicom_testdata_dir ${CMAKE_CURRENT_LIST_DIR})
add_library(obslink_dicom_testdata STATIC
  ${obslink_dicom_testdata_dir}/dicomsynth.h ${obslink_dicom_testdata_dir}/dicomsynth.cpp
  ${obslink_dicom_testdata_dir}/dcmtkreference.h ${obslink_dicom_testdata_dir}/dcmtkreference.cpp
  ${obslink_dicom_testdata_dir}/gdcmreference.h ${obslink_dicom_testdata_dir}/gdcmreference.cpp
  ${obslink_dicom_testdata_dir}/dicomeditor.h ${obslink_dicom_testdata_dir}/dicomeditor.cpp
  ${obslink_dicom_testdata_dir}/synthfolder.h ${obslink_dicom_testdata_dir}/synthfolder.cpp
  ${obslink_dicom_testdata_dir}/imagecompare.h ${obslink_dicom_testdata_dir}/imagecompare.cpp
  ${obslink_dicom_testdata_dir}/srsynth.h ${obslink_dicom_testdata_dir}/srsynth.cpp)
target_include_directories(obslink_dicom_testdata PUBLIC ${obslink_dicom_testdata_dir})
target_link_libraries(obslink_dicom_testdata PUBLIC ObsLink::Dicom Qt6::Gui
  PRIVATE DCMTK::dcmjpeg DCMTK::dcmjpls DCMTK::dcmimage DCMTK::dcmdata DCMTK::oflog DCMTK::ofstd PkgConfig::OPENJPEG)
obslink_set_warnings(obslink_dicom_testdata)
