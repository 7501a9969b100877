/* team.h: a brand's team in the studio (domain/accounts/brand_team.h): the owner's page to invite,
 * list and remove members (team.c), and the invitation link the invitee opens (team_join.c). */
#ifndef CC_TEAM_H
#define CC_TEAM_H
#include "web/http.h"

int page_team(struct req *r);
int page_team_invite(struct req *r);
int page_team_invite_cancel(struct req *r);
int page_team_member_remove(struct req *r);
int page_team_join_open(struct req *r);
int page_team_join(struct req *r);

#endif
