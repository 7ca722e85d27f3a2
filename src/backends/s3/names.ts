/** The backend name every S3 error carries (spec S3-001). */
export const S3_BACKEND_NAME = "s3";

/** Content type of folder marker objects (spec S3-010). */
export const MARKER_CONTENT_TYPE = "application/x-directory";
