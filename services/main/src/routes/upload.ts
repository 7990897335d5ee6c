import { Router } from 'express';
import type { UploadTarget } from '../upload/receive-upload';
import { receiveUpload } from '../upload/receive-upload';

export function uploadRoutes(target: UploadTarget): Router {
  const router = Router();
  router.post('/upload', async (req, res) => {
    const stored = await receiveUpload(req, target);
    res.status(201).json(stored);
  });
  return router;
}
