# eddyConfig.cmake: the installed eddy package. An application does
#   find_package(eddy REQUIRED)
#   target_link_libraries(app PRIVATE eddy::eddy)
# and includes <eddy/eddy.hpp>. libeddy.a holds the whole interpreter; C++20 is required.
get_filename_component(_eddy_prefix "${CMAKE_CURRENT_LIST_DIR}/../../.." ABSOLUTE)
if(NOT TARGET eddy::eddy)
  add_library(eddy::eddy STATIC IMPORTED)
  set_target_properties(eddy::eddy PROPERTIES
    IMPORTED_LOCATION "${_eddy_prefix}/lib/libeddy.a"
    INTERFACE_INCLUDE_DIRECTORIES "${_eddy_prefix}/include"
    INTERFACE_COMPILE_FEATURES cxx_std_20
    INTERFACE_LINK_LIBRARIES pcre2-8)   # the re module (libpcre2-dev)
endif()
unset(_eddy_prefix)
