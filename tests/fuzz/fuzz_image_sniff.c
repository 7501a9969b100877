/* fuzz_image_sniff.c: libFuzzer harness for image_sniff, the one parser of an uploaded picture's
 * bytes that runs in the studio (outside the image child): it reads only what it was given and
 * keeps its promises about what it reports. */
#include <stdlib.h>
#include "lib/image_sniff.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct image_sniff s;
	bool sized = image_sniff(data, size, &s);
	/* a size is reported only for the formats we take, and only when both sides are there */
	if (sized && (s.format == IMAGE_UNKNOWN || s.format == IMAGE_SVG || s.width == 0 || s.height == 0))
		abort();
	if (!sized && s.format == IMAGE_UNKNOWN && (s.width || s.height))
		abort();
	unsigned w[IMAGE_LADDER_N];
	if (sized && !image_size_refusal(s.width, s.height)) {
		size_t n = image_widths(s.width, w);
		if (n == 0 || n > IMAGE_LADDER_N || w[n - 1] > s.width || w[n - 1] > image_ladder[IMAGE_LADDER_N - 1])
			abort();
		for (size_t i = 1; i < n; i++)
			if (w[i] <= w[i - 1])
				abort();
	}
	return 0;
}
