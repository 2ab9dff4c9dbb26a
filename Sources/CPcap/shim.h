#ifndef RRAUDIT_CPCAP_SHIM_H
#define RRAUDIT_CPCAP_SHIM_H
#include <pcap/pcap.h>
#endif
