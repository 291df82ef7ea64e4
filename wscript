# -*- Mode: python; py-indent-offset: 4; indent-tabs-mode: nil; coding: utf-8; -*-
#
# waf build of the divshare module, for waf-era ns-3 trees (3.35 and older): place this folder
# in contrib/divshare. The file lists are read from CMakeLists.txt and
# examples/CMakeLists.txt, so the two builds can never disagree about what to compile.

import os
import re

NS3_DEPENDENCIES = ['core', 'network', 'internet', 'point-to-point', 'applications',
                    'traffic-control', 'flow-monitor', 'mobility']


def _cmake_list(path, name):
    """The entries of `set(name ...)` in a CMake file."""
    with open(path) as f:
        text = f.read()
    match = re.search(r'set\(\s*' + name + r'\s+([^)]*)\)', text)
    if match is None:
        raise ValueError('%s: no set(%s ...)' % (path, name))
    return match.group(1).split()


def _cmake_examples(path):
    """(name, sources) of every build_lib_example(...) in a CMake file."""
    with open(path) as f:
        text = f.read()
    examples = []
    for body in re.findall(r'build_lib_example\(([^)]*)\)', text):
        name = re.search(r'NAME\s+(\S+)', body).group(1)
        sources = re.search(r'SOURCE_FILES\s+(.*?)\s+LIBRARIES_TO_LINK', body, re.S).group(1)
        examples.append((name, sources.split()))
    return examples


def configure(conf):
    # LibTorch as Debian's libtorch-dev installs it; TORCH_PREFIX points elsewhere.
    prefix = os.environ.get('TORCH_PREFIX', '/usr')
    found = conf.check_cxx(lib=['torch', 'torch_cpu', 'c10'],
                           libpath=[os.path.join(prefix, 'lib'),
                                    os.path.join(prefix, 'lib', 'x86_64-linux-gnu')],
                           uselib_store='TORCH', mandatory=False, msg='Checking for LibTorch')
    # -isystem: the torch headers are not ours to warn about. Never on /usr/include or
    # /usr/local/include: moving them breaks libstdc++'s #include_next <stdlib.h>.
    includes = [os.path.join(prefix, 'include', 'torch', 'csrc', 'api', 'include')]
    if os.path.normpath(prefix) not in ('/usr', '/usr/local'):
        includes.insert(0, os.path.join(prefix, 'include'))
    for include in includes:
        conf.env.append_value('CXXFLAGS_TORCH', ['-isystem', include])
    conf.env.append_value('DEFINES_TORCH', ['_GLIBCXX_USE_CXX11_ABI=1'])
    found = conf.check_cfg(package='libxml-2.0', args=['--cflags', '--libs'],
                           uselib_store='LIBXML2', mandatory=False) and found
    if not found:
        conf.env['MODULES_NOT_BUILT'].append('divshare')
        conf.report_optional_feature('divshare', 'divshare (LibTorch)', False,
                                     'LibTorch or libxml2 not found: apt-get install '
                                     'libtorch-dev libxml2-dev, or set TORCH_PREFIX')


def build(bld):
    if 'divshare' in bld.env['MODULES_NOT_BUILT']:
        return
    here = bld.path.abspath()
    cmake = os.path.join(here, 'CMakeLists.txt')
    # netanim (which brings wifi, lte and more) where the tree has it; without it the module
    # refuses the NetAnim setting, as the CMake build does.
    # wifi likewise: without it, Wi-Fi cells are refused.
    netanim = 'ns3-netanim' in bld.env['NS3_MODULES']
    wifi = 'ns3-wifi' in bld.env['NS3_MODULES']
    module = bld.create_ns3_module('divshare', NS3_DEPENDENCIES + (['netanim'] if netanim else [])
                                   + (['wifi'] if wifi else []))
    module.source = _cmake_list(cmake, 'divshare_sources')
    if not netanim:
        module.env.append_value('DEFINES', ['DIVSHARE_NO_NETANIM'])
    if not wifi:
        module.env.append_value('DEFINES', ['DIVSHARE_NO_WIFI'])
    module.use.extend(['TORCH', 'LIBXML2'])

    module_test = bld.create_ns3_module_test_library('divshare')
    module_test.source = _cmake_list(cmake, 'divshare_test_sources')

    headers = bld(features='ns3header')
    headers.module = 'divshare'
    headers.source = _cmake_list(cmake, 'divshare_headers')

    if bld.env.ENABLE_EXAMPLES:
        for name, sources in _cmake_examples(os.path.join(here, 'examples', 'CMakeLists.txt')):
            program = bld.create_ns3_program(name, ['divshare'])
            program.source = [os.path.join('examples', source) for source in sources]
