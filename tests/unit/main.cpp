// The Catch2 test runner for every tests/unit/*_test.cpp.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
