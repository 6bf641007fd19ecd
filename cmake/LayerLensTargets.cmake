# Settings every LayerLens target shares. Target-based: no global flags.

# layerlens_target_defaults(TARGET [CORE])
#   Applies C++20, warnings and Qt's strict string/keyword defines. CORE adds
#   QT_NO_KEYWORDS, privately (QCustomPlot in the UI needs the keywords): the core
#   needs it so LibTorch headers can be included.
function(layerlens_target_defaults target)
    cmake_parse_arguments(ARG "CORE" "" "" ${ARGN})
    target_compile_features(${target} PUBLIC cxx_std_20)
    set_target_properties(${target} PROPERTIES CXX_EXTENSIONS OFF)
    target_compile_definitions(${target} PRIVATE
        QT_NO_CAST_FROM_ASCII
        QT_NO_CAST_TO_ASCII
        QT_NO_URL_CAST_FROM_STRING
        QT_NO_FOREACH
        QT_NO_NARROWING_CONVERSIONS_IN_CONNECT)
    if(ARG_CORE)
        target_compile_definitions(${target} PRIVATE QT_NO_KEYWORDS)
    endif()
    if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
        target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wno-unused-parameter)
    endif()
endfunction()
