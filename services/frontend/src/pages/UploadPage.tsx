import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { UploadResult } from '../api/types';
import { uploadFile, type UploadHandle } from '../api/upload';
import { ErrorNotice } from '../components/feedback';

type UploadState =
  | { status: 'idle' }
  | { status: 'uploading'; fraction: number }
  | { status: 'done'; result: UploadResult }
  | { status: 'error'; error: unknown };

export function UploadPage() {
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<UploadState>({ status: 'idle' });
  const handle = useRef<UploadHandle | null>(null);
  useEffect(() => () => handle.current?.abort(), []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setState({ status: 'uploading', fraction: 0 });
    handle.current = uploadFile(file, (fraction) =>
      setState((s) => (s.status === 'uploading' ? { status: 'uploading', fraction } : s)),
    );
    try {
      setState({ status: 'done', result: await handle.current.promise });
    } catch (error) {
      setState({ status: 'error', error });
    } finally {
      handle.current = null;
    }
  };

  const uploading = state.status === 'uploading';
  return (
    <section aria-labelledby="upload-title">
      <h1 id="upload-title">Upload a file</h1>
      <form className="card form narrow" onSubmit={submit}>
        <div className="field">
          <label htmlFor="upload-file">File</label>
          <input
            id="upload-file"
            type="file"
            aria-describedby="upload-hint"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setState({ status: 'idle' });
            }}
          />
          <p id="upload-hint" className="hint">
            Images, PDFs and text files; the gateway rejects large or unsupported files.
          </p>
        </div>
        {state.status === 'uploading' && <UploadProgress fraction={state.fraction} />}
        <div className="actions">
          <button type="submit" className="button" disabled={!file || uploading}>
            {uploading ? 'Uploading…' : 'Upload'}
          </button>
          {uploading && (
            <button type="button" className="button secondary" onClick={() => handle.current?.abort()}>
              Cancel
            </button>
          )}
        </div>
      </form>
      {state.status === 'error' && <ErrorNotice error={state.error} />}
      {state.status === 'done' && (
        <div className="feedback success" role="status">
          <p>Uploaded {file?.name}.</p>
          <dl className="details">
            <dt>Key</dt>
            <dd data-testid="upload-key">{state.result.key}</dd>
            <dt>Size</dt>
            <dd>{state.result.size.toLocaleString()} bytes</dd>
            <dt>Type</dt>
            <dd>{state.result.contentType}</dd>
          </dl>
        </div>
      )}
    </section>
  );
}

export function UploadProgress({ fraction }: { fraction: number }) {
  const percent = Math.round(Math.max(0, Math.min(1, fraction)) * 100);
  return (
    <div className="progress">
      <label htmlFor="upload-progress">Upload progress</label>
      <progress id="upload-progress" max={100} value={percent} />
      <span aria-live="polite">{percent}%</span>
    </div>
  );
}
