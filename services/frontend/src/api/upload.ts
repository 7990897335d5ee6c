// Upload through XMLHttpRequest because fetch has no upload progress events.
import { ApiError, apiUrl, parseProblem } from './client';
import type { UploadResult } from './types';

export interface UploadHandle {
  promise: Promise<UploadResult>;
  abort(): void;
}

/** onProgress gets a fraction in [0, 1]. */
export function uploadFile(file: File, onProgress: (fraction: number) => void): UploadHandle {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<UploadResult>((resolve, reject) => {
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.upload.onload = () => onProgress(1); // body fully sent; the server may still be storing it
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve(JSON.parse(xhr.responseText) as UploadResult);
      } else {
        reject(new ApiError(xhr.status, parseProblem(xhr.status, xhr.statusText, xhr.responseText)));
      }
    };
    xhr.onerror = () =>
      reject(new ApiError(0, { title: 'Network error', status: 0, detail: 'Upload failed' }));
    xhr.onabort = () => reject(new ApiError(0, { title: 'Upload cancelled', status: 0 }));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.open('POST', apiUrl('/api/upload'));
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.send(form);
  });
  return { promise, abort: () => xhr.abort() };
}
