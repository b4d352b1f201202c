import type {
  CreateComplaintRequest,
  HospitalSummary,
  LeaseResponse,
  LoginResponse,
} from '../../shared/api.ts';
import type { ComplaintDoc } from '../../shared/documents.ts';
import {
  replicationPaths,
  type CollectionName,
  type PullResponse,
  type PushRequest,
  type PushResponse,
  type PushableCollection,
} from '../../shared/replication.ts';

/** What the integration API answers for a complaint (brief §4): the document plus API extras. */
export type ApiEvent = {
  type: string;
  at: number | string;
  actor: unknown;
  from: string | null;
  to: string | null;
  comment: string | null;
  visibility: string;
  data: Record<string, unknown>;
  id?: string;
  field?: string | null;
};
export type ApiComplaint = ComplaintDoc & {
  trackingUrl: string;
  events?: ApiEvent[];
  notifications?: unknown[];
};

export type HttpResult<T> = { status: number; body: T; text: string };

/** A thin HTTP client bound to one server and (optionally) one user's access token. */
export class Api {
  constructor(
    readonly baseUrl: string,
    public token: string | null = null,
  ) {}

  async request<T = unknown>(method: string, path: string, body?: unknown): Promise<HttpResult<T>> {
    const headers: Record<string, string> = {};
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON (HTML pages): keep the text
    }
    return { status: res.status, body: parsed as T, text };
  }

  /** Like `request` but throws unless the status is 2xx (with the body, to explain the failure). */
  async ok<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    const r = await this.request<T>(method, path, body);
    if (r.status < 200 || r.status > 299) {
      throw new Error(`${method} ${path} → ${r.status}: ${r.text.slice(0, 1000)}`);
    }
    return r.body;
  }

  static async login(baseUrl: string, username: string, password: string): Promise<{ api: Api; session: LoginResponse }> {
    const api = new Api(baseUrl);
    const session = await api.ok<LoginResponse>('POST', '/api/v1/auth/login', { username, password });
    api.token = session.accessToken;
    return { api, session };
  }

  hospitals(): Promise<HospitalSummary[]> {
    return this.ok('GET', '/api/v1/hospitals');
  }

  async hospitalByCode(code: string): Promise<HospitalSummary> {
    const h = (await this.hospitals()).find((x) => x.code === code);
    if (!h) throw new Error(`no hospital ${code} visible to this user`);
    return h;
  }

  createComplaint(body: CreateComplaintRequest): Promise<ApiComplaint> {
    return this.ok('POST', '/api/v1/complaints', body);
  }

  getComplaint(idOrRef: string): Promise<HttpResult<ApiComplaint>> {
    return this.request('GET', `/api/v1/complaints/${encodeURIComponent(idOrRef)}`);
  }

  listComplaints(query: Record<string, string> = {}): Promise<{ data: ApiComplaint[]; pagination: { total: number } }> {
    return this.ok('GET', `/api/v1/complaints?${new URLSearchParams(query).toString()}`);
  }

  lease(deskId: string, hospitalId: string, year: number, size = 50): Promise<LeaseResponse> {
    return this.ok('POST', '/api/v1/reference-blocks', { deskId, hospitalId, year, size });
  }

  pull<C extends CollectionName>(collection: C, hospitalId: string, seq = 0, limit = 2000): Promise<HttpResult<PullResponse<C>>> {
    const q = new URLSearchParams({ hospitalId, seq: String(seq), limit: String(limit) });
    return this.request('GET', `${replicationPaths.pull(collection)}?${q.toString()}`);
  }

  /** Every document of a collection the user may see for the hospital, following checkpoints. */
  async pullAll<C extends CollectionName>(collection: C, hospitalId: string): Promise<PullResponse<C>['documents']> {
    const all: PullResponse<C>['documents'] = [];
    let seq = 0;
    for (;;) {
      const r = await this.pull(collection, hospitalId, seq);
      if (r.status !== 200) throw new Error(`pull ${collection} → ${r.status}: ${r.text.slice(0, 500)}`);
      all.push(...r.body.documents);
      if (r.body.documents.length === 0 || r.body.checkpoint.seq === seq) return all;
      seq = r.body.checkpoint.seq;
    }
  }

  push<C extends PushableCollection>(collection: C, hospitalId: string, body: PushRequest<C> | string): Promise<HttpResult<PushResponse<C>>> {
    const q = new URLSearchParams({ hospitalId });
    return this.request('POST', `${replicationPaths.push(collection)}?${q.toString()}`, body);
  }
}
