// /api/v2.0/projects/{project_name_or_id}/members: Harbor's member operations
// (src/server/v2.0/handler/member.go); permission resource 'member'.
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import type { Deps } from '../../deps.js'
import { AppError } from '../../errors.js'
import { ROLE_NAMES, isRoleId } from '../../rbac/roles.js'
import { projectKeyOf, requireProjectAccess } from './access.js'
import { parsePaging, pagingHeaders } from './paging.js'
import { callerOf } from './projects.js'
import { parseBody, positiveId, queryStrings, requestPath } from './request.js'
import { addMember, changeMemberRole, getMember, listMembers, removeMember, type MemberRow } from '../../projects/members.js'

/** Harbor's ProjectMemberEntity. */
function toHarborMember(m: MemberRow) {
  return {
    id: m.id,
    project_id: m.project_id,
    entity_name: m.entity_name,
    role_name: isRoleId(m.role) ? ROLE_NAMES[m.role] : '',
    role_id: m.role,
    entity_id: m.entity_id,
    entity_type: m.entity_type,
  }
}

const memberSchema = z.object({
  role_id: z.number().int(),
  member_user: z.object({ user_id: z.number().int().nullish(), username: z.string().min(1).max(255).nullish() }).nullish(),
  member_group: z.object({
    id: z.number().int().nullish(), group_name: z.string().max(255).nullish(), group_type: z.number().int().nullish(), ldap_group_dn: z.string().max(512).nullish(),
  }).nullish(),
})

const roleSchema = z.object({ role_id: z.number().int() })

const memberId = (raw: string) => positiveId(raw, 'mid')

type ProjectParams = { Params: { project_name_or_id: string } }
type MemberParams = { Params: { project_name_or_id: string; mid: string } }

export function memberRoutes(app: FastifyInstance, deps: Deps) {
  app.get<ProjectParams>('/projects/:project_name_or_id/members', async (request, reply) => {
    const ref = await requireProjectAccess(deps, request, projectKeyOf(request, request.params.project_name_or_id), 'member', 'list')
    const query = queryStrings(request)
    const paging = parsePaging(query)
    const { total, items } = await listMembers(deps, ref, { entityName: query.entityname || undefined, limit: paging.pageSize, offset: paging.offset })
    return reply.headers(pagingHeaders(requestPath(request), query, paging.page, paging.pageSize, total)).send(items.map(toHarborMember))
  })

  app.post<ProjectParams>('/projects/:project_name_or_id/members', async (request, reply) => {
    const ref = await requireProjectAccess(deps, request, projectKeyOf(request, request.params.project_name_or_id), 'member', 'create')
    const body = parseBody(memberSchema, request)
    if (body.member_group && !body.member_user) throw new AppError('BAD_REQUEST', undefined, 'group members are not supported yet')
    const id = await addMember(deps, callerOf(request), ref, { roleId: body.role_id, user: { userId: body.member_user?.user_id, username: body.member_user?.username } })
    return reply.code(201).header('location', `${requestPath(request).replace(/\/+$/, '')}/${id}`).send()
  })

  app.get<MemberParams>('/projects/:project_name_or_id/members/:mid', async (request) => {
    const ref = await requireProjectAccess(deps, request, projectKeyOf(request, request.params.project_name_or_id), 'member', 'read')
    return toHarborMember(await getMember(deps, ref, memberId(request.params.mid)))
  })

  app.put<MemberParams>('/projects/:project_name_or_id/members/:mid', async (request, reply) => {
    const ref = await requireProjectAccess(deps, request, projectKeyOf(request, request.params.project_name_or_id), 'member', 'update')
    const id = memberId(request.params.mid)
    const body = parseBody(roleSchema, request)
    await changeMemberRole(deps, callerOf(request), ref, id, body.role_id)
    return reply.code(200).send()
  })

  app.delete<MemberParams>('/projects/:project_name_or_id/members/:mid', async (request, reply) => {
    const ref = await requireProjectAccess(deps, request, projectKeyOf(request, request.params.project_name_or_id), 'member', 'delete')
    await removeMember(deps, callerOf(request), ref, memberId(request.params.mid))
    return reply.code(200).send()
  })
}
