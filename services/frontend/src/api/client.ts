// Thin fetch wrapper: JSON in/out, problem+json turned into ApiError so every page shows one kind of error.
import type { Problem } from './types';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
  }
}

let baseUrl = '';

/** Where /api lives; '' means the page's own origin (nginx or the stack's server proxy it). */
export function setApiBase(url: string): void {
  baseUrl = url.replace(/\/$/, '');
}

export function apiUrl(path: string): string {
  return `${baseUrl}${path}`;
}

export async function toApiError(res: Response): Promise<ApiError> {
  const text = await res.text().catch(() => '');
  return new ApiError(res.status, parseProblem(res.status, res.statusText, text));
}

export function parseProblem(status: number, statusText: string, body: string): Problem {
  try {
    const parsed = JSON.parse(body) as Partial<Problem>;
    if (parsed && typeof parsed === 'object' && typeof parsed.title === 'string') {
      return { ...parsed, title: parsed.title, status: parsed.status ?? status };
    }
  } catch {
    // not JSON: fall through to a generic problem built from the status line
  }
  return {
    title: statusText || `Request failed (${status})`,
    status,
    detail: body.slice(0, 200) || undefined,
  };
}

export async function requestJson<T>(path: string, init: RequestInit = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(apiUrl(path), {
      ...init,
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json',
        ...(init.body ? { 'Content-Type': 'application/json' } : {}),
        ...init.headers,
      },
    });
  } catch (err) {
    throw new ApiError(0, { title: 'Network error', status: 0, detail: (err as Error).message });
  }
  if (!res.ok) throw await toApiError(res);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

export function describeError(err: unknown): string {
  if (err instanceof ApiError) {
    return err.problem.detail ? `${err.problem.title}: ${err.problem.detail}` : err.problem.title;
  }
  return err instanceof Error ? err.message : String(err);
}
