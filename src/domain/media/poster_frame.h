/* poster_frame.h: which frame of an uploaded video becomes its poster (videos.poster_second): the
 * second its owner chose, else POSTER_FRAME_DEFAULT_S. The studio takes the choice
 * (studio/video_poster_page.c); crowdcartctl's poster pass takes the frame (ctl/video_poster.c). */
#ifndef CC_POSTER_FRAME_H
#define CC_POSTER_FRAME_H

/* A frame a second in: the very first is often black or a fade. */
#define POSTER_FRAME_DEFAULT_S 1
#define POSTER_FRAME_DEFAULT_SQL "1"
/* Ten hours: longer than any upload the size cap lets through; a second past the video's end is
 * refused by the worker in its own words ("no frame at N s"). */
#define POSTER_FRAME_MAX_S 36000

#endif
