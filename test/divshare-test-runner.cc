/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Debian's ns-3 ships no test runner; libns3-core exports the one test.py drives in a source
// tree. Options: --list, --suite=NAME, --verbose, --fullness=QUICK|EXTENSIVE|TAKES_FOREVER.
#include "ns3/test.h"

int
main(int argc, char** argv)
{
    return ns3::TestRunner::Run(argc, argv);
}
