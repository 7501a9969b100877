// phone_number.cc: the extern "C" shim over libphonenumber (see phone_number.h). Nothing C++
// crosses it: no object, and no exception (libphonenumber reports errors as values; a failed
// allocation is answered false).
#include <cstring>
#include <set>
#include <string>
#include <phonenumbers/phonenumberutil.h>
#include "lib/phone_number.h"

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

bool phone_number_region_ok(const char *region)
{
	if (!region || std::strlen(region) != 2)
		return false;
	try {
		std::set<std::string> regions;
		PhoneNumberUtil::GetInstance()->GetSupportedRegions(&regions);
		return regions.count(region) == 1;
	} catch (...) {
		return false;
	}
}

bool phone_number_e164(const char *typed, const char *region, char out[PHONE_NUMBER_E164_LEN])
{
	out[0] = '\0';
	if (!typed || !region)
		return false;
	try {
		const PhoneNumberUtil *util = PhoneNumberUtil::GetInstance();
		PhoneNumber n;
		if (util->Parse(typed, region, &n) != PhoneNumberUtil::NO_PARSING_ERROR)
			return false;
		if (n.has_extension() || !util->IsValidNumber(n))
			return false;
		std::string e164;
		util->Format(n, PhoneNumberUtil::E164, &e164);
		if (e164.size() >= PHONE_NUMBER_E164_LEN)
			return false;
		std::memcpy(out, e164.c_str(), e164.size() + 1);
		return true;
	} catch (...) {
		return false;
	}
}
