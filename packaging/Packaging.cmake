# Packaging.cmake - the release artefacts (scripts/release builds both):
#   cpack -G DEB  in a normal build configured with -DCMAKE_INSTALL_PREFIX=/usr:
#                 isscheck_VERSION-1_amd64.deb, Depends computed by
#                 dpkg-shlibdeps (dpkg-dev);
#   cpack -G TGZ  in a -DISSCHECK_STATIC=ON build:
#                 isscheck-VERSION-linux-x86_64-static.tar.gz, the static
#                 binary with the man pages, completion and schemas.
# Both install the same files (see CMakeLists.txt) plus, here, the
# documentation Debian policy asks for under share/doc/isscheck.

set(ISSCHECK_MAINTAINER "isscheck maintainers <maintainers@isscheck.invalid>" CACHE STRING
    "Maintainer of the Debian package (a placeholder until the project names one)")

# The release date: the CHANGELOG.md section of this version.
file(STRINGS ${PROJECT_SOURCE_DIR}/CHANGELOG.md iss_release_line
     REGEX "^## \\[${PROJECT_VERSION}\\] - [0-9]+-[0-9]+-[0-9]+$")
if(NOT iss_release_line)
  message(FATAL_ERROR "CHANGELOG.md has no section '## [${PROJECT_VERSION}] - YYYY-MM-DD'")
endif()
string(REGEX REPLACE ".* - " "" iss_release_date "${iss_release_line}")
execute_process(COMMAND date -u -R -d "${iss_release_date} 00:00:00"
                OUTPUT_VARIABLE ISS_RELEASE_DATE_RFC2822 OUTPUT_STRIP_TRAILING_WHITESPACE
                COMMAND_ERROR_IS_FATAL ANY)
set(ISS_DEB_VERSION "${PROJECT_VERSION}-1")

# share/doc/isscheck: copyright, the upstream changelog and, for the
# Debian package, changelog.Debian, gzipped without name or time (-n) so
# that the same source gives the same bytes.
set(iss_doc ${CMAKE_CURRENT_BINARY_DIR}/doc)
file(MAKE_DIRECTORY ${iss_doc})
configure_file(${PROJECT_SOURCE_DIR}/packaging/changelog.Debian.in ${iss_doc}/changelog.Debian @ONLY)
if(ISSCHECK_STATIC)
  file(READ ${PROJECT_SOURCE_DIR}/packaging/copyright iss_copyright)
  file(READ ${PROJECT_SOURCE_DIR}/packaging/copyright-static iss_copyright_static)
  file(WRITE ${iss_doc}/copyright.new "${iss_copyright}${iss_copyright_static}")
  configure_file(${iss_doc}/copyright.new ${iss_doc}/copyright COPYONLY)
else()
  configure_file(${PROJECT_SOURCE_DIR}/packaging/copyright ${iss_doc}/copyright COPYONLY)
endif()
add_custom_command(
  OUTPUT ${iss_doc}/changelog.gz ${iss_doc}/changelog.Debian.gz
  COMMAND gzip -9nc ${PROJECT_SOURCE_DIR}/CHANGELOG.md > ${iss_doc}/changelog.gz
  COMMAND gzip -9nc ${iss_doc}/changelog.Debian > ${iss_doc}/changelog.Debian.gz
  DEPENDS ${PROJECT_SOURCE_DIR}/CHANGELOG.md ${iss_doc}/changelog.Debian
  COMMENT "Compressing the changelogs")
add_custom_target(iss_doc ALL DEPENDS ${iss_doc}/changelog.gz ${iss_doc}/changelog.Debian.gz)
install(FILES ${iss_doc}/copyright ${iss_doc}/changelog.gz
        DESTINATION ${CMAKE_INSTALL_DOCDIR})
if(NOT ISSCHECK_STATIC)
  install(FILES ${iss_doc}/changelog.Debian.gz DESTINATION ${CMAKE_INSTALL_DOCDIR})
endif()

set(CPACK_PACKAGE_NAME isscheck)
set(CPACK_PACKAGE_VENDOR "isscheck")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "checker of declarations against METI's Information Security Service Standard")
set(CPACK_PACKAGE_DESCRIPTION
    "isscheck checks a provider's declaration against the Information Security
Service Standard (情報セキュリティサービス基準, METI) and prints, for every
requirement, a verdict with the clause it cites, the place in the
declaration it rests on and the evidence behind it, as text, JSON, SARIF,
JUnit, Markdown or HTML. For providers self-checking before they apply,
examiners checking submissions, and CI pipelines.")
set(CPACK_PACKAGE_CONTACT "${ISSCHECK_MAINTAINER}")
set(CPACK_STRIP_FILES ON)
set(CPACK_SOURCE_IGNORE_FILES "/build[^/]*/;/dist/;/\\\\.git")
set(CPACK_PACKAGING_INSTALL_PREFIX "${CMAKE_INSTALL_PREFIX}")

set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${ISSCHECK_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "bash-completion")
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)

if(ISSCHECK_STATIC)
  set(CPACK_GENERATOR TGZ)
  set(CPACK_PACKAGE_FILE_NAME "isscheck-${PROJECT_VERSION}-linux-x86_64-static")
  # isscheck-VERSION-linux-x86_64-static/bin/isscheck, share/man/..., so
  # the archive unpacks as a prefix of its own
  set(CPACK_PACKAGING_INSTALL_PREFIX "/")
else()
  set(CPACK_GENERATOR DEB)
endif()
include(CPack)
