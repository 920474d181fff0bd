/**
 * Generated from the API's OpenAPI document by `npm run web:api`: do not edit.
 * `npm run check` fails when this file differs from what the API's DTOs give.
 */

export interface paths {
  '/api/v1/jobs/{queue}/{jobId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['JobsController_status'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/pii/rotations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['CryptoController_rotate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['AuthController_login'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/refresh': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['AuthController_refresh'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/logout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['AuthController_logout'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['AuthController_me'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['AuthController_changePassword'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/audit/entries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['AuditController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/audit/retention-runs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['AuditController_startRetention'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/notifications': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['NotificationsController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/notifications/unread-count': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['NotificationsController_unreadCount'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/notifications/read-all': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['NotificationsController_markAllRead'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/notifications/{id}/read': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['NotificationsController_markRead'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['HealthController_live'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/ready': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['HealthController_ready'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/sessions/{id}/attendance': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['AttendanceController_roster'];
    put: operations['AttendanceController_mark'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/sessions/{id}/attendance/{enrollmentId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put: operations['AttendanceController_markOne'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/sessions/{id}/check-in-code': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['AttendanceController_code'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/check-ins': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['AttendanceController_checkIn'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/check-ins/code': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['AttendanceController_checkInByCode'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/sessions/{id}/leave-requests': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['AttendanceController_leaves'];
    put?: never;
    post: operations['AttendanceController_requestLeave'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/leave-requests': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['AttendanceController_myLeaves'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/leave-requests/{id}/approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['AttendanceController_approve'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/leave-requests/{id}/refuse': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['AttendanceController_refuse'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/leave-requests/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['AttendanceController_cancelLeave'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/enrollments/{id}/hours': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['AttendanceController_enrollmentHours'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/workers/{id}/hours': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['AttendanceController_workerHours'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/sessions/{id}/attendance/missing': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['AttendanceReportsController_missing'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/sessions/{id}/attendance/sheet': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['AttendanceReportsController_sessionSheet'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/classes/{id}/attendance/sheet': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['AttendanceReportsController_classSheet'];
    put?: never;
    post: operations['AttendanceReportsController_upload'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/classes/{id}/attendance': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['AttendanceReportsController_grid'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/classes/{id}/attendance/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['AttendanceReportsController_gridXlsx'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/classes/{id}/attendance/report': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['AttendanceReportsController_report'];
    put?: never;
    post: operations['AttendanceReportsController_requestReport'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/districts/{id}/attendance': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['AttendanceReportsController_district'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/classes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['ClassesController_list'];
    put?: never;
    post: operations['ClassesController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/classes/street': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['ClassesController_createStreet'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/classes/advanced': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['ClassesController_createAdvanced'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/classes/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['ClassesController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch: operations['ClassesController_update'];
    trace?: never;
  };
  '/api/v1/classes/{id}/publish': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['ClassesController_publish'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/classes/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['ClassesController_cancel'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/classes/{id}/sessions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['ClassesController_addSession'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/classes/{id}/sessions/{sessionId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete: operations['ClassesController_cancelSession'];
    options?: never;
    head?: never;
    patch: operations['ClassesController_updateSession'];
    trace?: never;
  };
  '/api/v1/classes/{id}/archive': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['ClassArchiveController_list'];
    put?: never;
    post: operations['ClassArchiveController_add'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/classes/{id}/archive/{fileId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['ClassArchiveController_download'];
    put?: never;
    post?: never;
    delete: operations['ClassArchiveController_remove'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/institutions/filed': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['InstitutionsController_filed'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/institutions/suspended': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['InstitutionsController_suspended'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/institutions/review-queue': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['InstitutionsController_queue'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/institutions/mine': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['InstitutionsController_mine'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/institutions/mine/application': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put: operations['InstitutionsController_save'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/institutions/mine/documents': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['InstitutionsController_addDocument'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/institutions/mine/documents/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete: operations['InstitutionsController_removeDocument'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/institutions/mine/submit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['InstitutionsController_submit'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/institutions/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['InstitutionsController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/institutions/{id}/documents/{documentId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['InstitutionsController_document'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/institutions/{id}/review': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['InstitutionsController_review'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/institutions/{id}/suspend': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['InstitutionsController_suspend'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/institutions/{id}/reinstate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['InstitutionsController_reinstate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/teachers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['TeachersController_list'];
    put?: never;
    post: operations['TeachersController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/teachers/me/consent': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['TeachersController_myConsent'];
    put?: never;
    post: operations['TeachersController_giveConsent'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/teachers/me/consent/withdrawal': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['TeachersController_withdrawConsent'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/teachers/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['TeachersController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch: operations['TeachersController_update'];
    trace?: never;
  };
  '/api/v1/teachers/{id}/consent': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['TeachersController_consent'];
    put?: never;
    post: operations['TeachersController_recordConsent'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/teachers/{id}/consent/withdrawal': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['TeachersController_recordWithdrawal'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/teachers/{id}/institutions/mine': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['TeachersController_join'];
    delete: operations['TeachersController_leave'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/annual-plans': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['AnnualPlansController_list'];
    put?: never;
    post: operations['AnnualPlansController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/annual-plans/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['AnnualPlansController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/annual-plans/{id}/projects': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['AnnualPlansController_addProject'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/annual-plans/{id}/projects/{projectId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete: operations['AnnualPlansController_removeProject'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/annual-plans/{id}/survey-report': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['AnnualPlansController_downloadSurveyReport'];
    put: operations['AnnualPlansController_surveyReport'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/annual-plans/{id}/publish': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['AnnualPlansController_publish'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/project-plans/review-queue': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['ProjectPlansController_queue'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/project-plans': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['ProjectPlansController_list'];
    put?: never;
    post: operations['ProjectPlansController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/project-plans/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['ProjectPlansController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch: operations['ProjectPlansController_update'];
    trace?: never;
  };
  '/api/v1/project-plans/{id}/checks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['ProjectPlansController_checks'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/project-plans/{id}/submit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['ProjectPlansController_submit'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/project-plans/{id}/approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['ProjectPlansController_approve'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/project-plans/{id}/return': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['ProjectPlansController_return'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/project-plans/{id}/amendments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['ProjectPlansController_amend'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/project-plans/{id}/pdf': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['ProjectPlansController_pdf'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/policies': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['PolicyController_list'];
    put?: never;
    post: operations['PolicyController_add'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/classes/{id}/availability': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['EnrollmentController_availability'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/classes/{id}/enrollments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['EnrollmentController_roster'];
    put?: never;
    post: operations['EnrollmentController_enrol'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/classes/{id}/enrollments/bulk': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['EnrollmentController_bulk'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/enrollments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['EnrollmentController_mine'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/enrollments/{id}/withdraw': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['EnrollmentController_withdraw'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/enrollments/{id}/accept': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['EnrollmentController_accept'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/enrollments/{id}/decline': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['EnrollmentController_decline'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/nominations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['NominationsController_list'];
    put?: never;
    post: operations['NominationsController_nominate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/nominations/{id}/accept': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['NominationsController_accept'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/nominations/{id}/reject': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['NominationsController_reject'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/nominations/{id}/withdraw': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['NominationsController_withdraw'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/timetable': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['ViewsController_timetable'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/class-fill-rates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['ViewsController_fillRates'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/coverage': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['ViewsController_coverage'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/coverage/remedial-enrolments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['ViewsController_enrolRemedial'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/calendar-feed': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['CalendarFeedController_status'];
    put?: never;
    post: operations['CalendarFeedController_create'];
    delete: operations['CalendarFeedController_revoke'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/calendar/{token}.ics': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['CalendarFeedController_feed'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/classes/{id}/documents/{kind}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['ClassDocumentsController_publish'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/classes/{id}/documents': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['ClassDocumentsController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/classes/{id}/documents/{kind}/file': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['ClassDocumentsController_file'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/org/units': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['OrgUnitsController_list'];
    put?: never;
    post: operations['OrgUnitsController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/org/units/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['OrgUnitsController_get'];
    put?: never;
    post?: never;
    delete: operations['OrgUnitsController_remove'];
    options?: never;
    head?: never;
    patch: operations['OrgUnitsController_update'];
    trace?: never;
  };
  '/api/v1/accounts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['AccountsController_list'];
    put?: never;
    post: operations['AccountsController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/accounts/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['AccountsController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/accounts/{id}/reset-password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['AccountsController_reset'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/accounts/{id}/deactivate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['AccountsController_deactivate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/accounts/{id}/activate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['AccountsController_activate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/workers/{id}/account': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['AccountsController_createForWorker'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/workers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['WorkersController_list'];
    put?: never;
    post: operations['WorkersController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/workers/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['WorkersController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch: operations['WorkersController_update'];
    trace?: never;
  };
  '/api/v1/workers/{id}/file': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['WorkersController_file'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/workers/{id}/post-changes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['WorkersController_changePost'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/workers/{id}/transfers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['WorkersController_transfer'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/workers/{id}/status-changes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['WorkersController_changeStatus'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/workers/{id}/assessments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['WorkersController_grades'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/workers/{id}/assessments/{year}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put: operations['WorkersController_recordGrade'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/rosters/template': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['RosterController_template'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/rosters/imports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['RosterController_upload'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/rosters/imports/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['RosterController_importStatus'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/rosters/exports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['RosterController_startExport'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/rosters/exports/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['RosterController_exportStatus'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/rosters/exports/{id}/file': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['RosterController_download'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/classes/{id}/exam-roster': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['ExamsController_roster'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/classes/{id}/exams': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['ExamsController_list'];
    put?: never;
    post: operations['ExamsController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/exams/{id}/results': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put: operations['ExamsController_record'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/exam-results': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['ExamsController_mine'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/classes/{id}/certificates/issue': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['CertificatesController_issue'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/classes/{id}/certificates/progress': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['CertificatesController_progress'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/classes/{id}/certificates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['CertificatesController_ofClass'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/classes/{id}/certificates/bundle': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['CertificatesController_bundle'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/certificate-bundles/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['CertificatesController_bundleStatus'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/certificate-bundles/{id}/file': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['CertificatesController_bundleFile'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/workers/{id}/certificates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['CertificatesController_ofWorker'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/certificates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['CertificatesController_mine'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/certificates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['CertificatesController_bySerial'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/certificates/{id}/pdf': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['CertificatesController_pdf'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/certificates/{id}/revoke': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['CertificatesController_revoke'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/certificates/{id}/reissue': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['CertificatesController_reissue'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/verify/{serial}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['VerificationController_verify'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/verify/{serial}/pdf': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['VerificationController_checkPdf'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v/{serial}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['VerificationPageController_page'];
    put?: never;
    post: operations['VerificationPageController_check'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/evaluation-templates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['EvaluationsController_listTemplates'];
    put?: never;
    post: operations['EvaluationsController_newTemplate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/evaluation-templates/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['EvaluationsController_template'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/classes/{id}/evaluation-settings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['EvaluationsController_settings'];
    put: operations['EvaluationsController_setSettings'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/evaluations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['EvaluationsController_mine'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/sessions/{id}/evaluations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['EvaluationsController_answer'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/sessions/{id}/classroom-evaluations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['EvaluationsController_classroom'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/sessions/{id}/classroom-evaluations/{enrollmentId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['EvaluationsController_assess'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/classes/{id}/evaluation-report': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['EvaluationsController_classReport'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/classes/{id}/evaluation-respondents': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['EvaluationsController_respondents'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/teachers/{id}/evaluation-report': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['EvaluationsController_teacherReport'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/institutions/{id}/evaluation-report': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['EvaluationsController_institutionReport'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/evaluation-reports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['EvaluationsController_export'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/evaluation-reports/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['EvaluationsController_exportStatus'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/evaluation-reports/{id}/file': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['EvaluationsController_exportFile'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/survey-questionnaires/template': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['QuestionnairesController_template'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/survey-questionnaires': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['QuestionnairesController_list'];
    put?: never;
    post: operations['QuestionnairesController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/survey-questionnaires/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['QuestionnairesController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch: operations['QuestionnairesController_update'];
    trace?: never;
  };
  '/api/v1/survey-questionnaires/{id}/versions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['QuestionnairesController_newVersion'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/survey-campaigns': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['CampaignsController_list'];
    put?: never;
    post: operations['CampaignsController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/survey-campaigns/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['CampaignsController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch: operations['CampaignsController_update'];
    trace?: never;
  };
  '/api/v1/survey-campaigns/{id}/launch': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['CampaignsController_launch'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/survey-campaigns/{id}/close': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['CampaignsController_close'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/survey-campaigns/{id}/response-rates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['CampaignsController_rates'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/survey-campaigns/{id}/reports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['CampaignsController_reportsOf'];
    put?: never;
    post: operations['CampaignsController_interim'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/survey-reports/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['ReportsController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/survey-reports/{id}/files/{format}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['ReportsController_file'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/my-surveys': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['AnswersController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/my-surveys/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['AnswersController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/my-surveys/{id}/draft': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put: operations['AnswersController_draft'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/my-surveys/{id}/submission': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put: operations['AnswersController_replace'];
    post: operations['AnswersController_submit'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/annual-plans/{id}/survey-basis': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['PlanBasisController_get'];
    put: operations['PlanBasisController_link'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/policy-layers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['AssessmentController_addLayer'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/workers/{id}/training-records': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['AssessmentController_records'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/workers/{id}/training-records/{year}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['AssessmentController_record'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/workers/{id}/grade-overrides/{year}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put: operations['AssessmentController_override'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/training-records/recompute': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['AssessmentController_recompute'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/assessment/limits': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['AssessmentController_limits'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/training-reports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['AssessmentController_report'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/training-reports/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['AssessmentController_export'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    JobStatusDto: {
      /** @description 队列名 (queue) */
      queue: string;
      /** @description 任务 ID (job id) */
      id: string;
      /** @description 任务类型 (job name) */
      name: string;
      /** @description waiting | active | delayed | completed | failed */
      state: string;
      /** @description 进度 (progress, job-specific) */
      progress: Record<string, never>;
      /** @description 已尝试次数 (attempts made) */
      attemptsMade: number;
      /** @description 结果 (result when completed) */
      result: Record<string, never> | null;
      /** @description 失败原因 (failure reason) */
      failedReason: string | null;
      /**
       * Format: date-time
       * @description 创建时间
       */
      createdAt: string;
      /**
       * Format: date-time
       * @description 完成时间
       */
      finishedAt: string | null;
      /** @description 发起账号 (requested by) */
      requestedBy: string | null;
    };
    JobRefDto: {
      /** @description 队列名 (queue) */
      queue: string;
      /** @description 任务 ID：用 GET /api/v1/jobs/{queue}/{jobId} 查询进度 */
      jobId: string;
    };
    LoginDto: {
      /**
       * @description 用户名 (username)
       * @example shi.admin
       */
      username: string;
      /**
       * @description 密码 (password)
       * @example Demo#2026
       */
      password: string;
    };
    ActorDto: {
      /**
       * Format: uuid
       * @description 账号 ID (account id)
       */
      accountId: string;
      /** @description 用户名 (username) */
      username: string;
      /**
       * @description 角色 (role)
       * @enum {string}
       */
      role:
        | 'municipal_admin'
        | 'district_admin'
        | 'street_admin'
        | 'institution_staff'
        | 'teacher'
        | 'worker';
      /** @description 所属机构/区域 ID (bound organisation) */
      orgId: string | null;
      /** @description 所在区 ID (district of the scope) */
      districtId: string | null;
      /** @description 所在街道 ID (street of the scope) */
      streetId: string | null;
      /** @description 关联的社区工作者 ID (linked worker) */
      workerId: string | null;
    };
    TokenPairDto: {
      /** @description 访问令牌 JWT (short-lived access token) */
      accessToken: string;
      /** @description 访问令牌有效秒数 (seconds until the access token expires) */
      expiresIn: number;
      /** @description 刷新令牌，一次性使用 (single-use refresh token; rotated on refresh) */
      refreshToken: string;
      /**
       * Format: date-time
       * @description 刷新令牌过期时间 (refresh token expiry)
       */
      refreshExpiresAt: string;
      /** @description 当前账号 (the signed-in account) */
      actor: components['schemas']['ActorDto'];
    };
    RefreshDto: {
      /** @description 刷新令牌 (refresh token from login or the previous refresh) */
      refreshToken: string;
    };
    UnitRefDto: {
      /**
       * Format: uuid
       * @description 单位 ID (unit id)
       */
      id: string;
      /**
       * @description 单位类型 (kind)
       * @enum {string}
       */
      kind: 'municipality' | 'district' | 'street' | 'community' | 'institution';
      /** @description 名称 (name) */
      name: string;
    };
    MeDto: {
      /**
       * Format: uuid
       * @description 账号 ID (account id)
       */
      accountId: string;
      /** @description 用户名 (username) */
      username: string;
      /**
       * @description 角色 (role)
       * @enum {string}
       */
      role:
        | 'municipal_admin'
        | 'district_admin'
        | 'street_admin'
        | 'institution_staff'
        | 'teacher'
        | 'worker';
      /** @description 所属机构/区域 ID (bound organisation) */
      orgId: string | null;
      /** @description 所在区 ID (district of the scope) */
      districtId: string | null;
      /** @description 所在街道 ID (street of the scope) */
      streetId: string | null;
      /** @description 关联的社区工作者 ID (linked worker) */
      workerId: string | null;
      /** @description 所属单位；社区工作者为所在社区 (bound unit; a worker: their community) */
      unit: components['schemas']['UnitRefDto'] | null;
      /** @description 管辖范围所在区 (district of the scope) */
      district: components['schemas']['UnitRefDto'] | null;
      /** @description 管辖范围所在街道 (street of the scope) */
      street: components['schemas']['UnitRefDto'] | null;
    };
    ChangePasswordDto: {
      /** @description 当前密码 (current password) */
      currentPassword: string;
      /** @description 新密码：8-128 位，须含字母和数字 (new password) */
      newPassword: string;
    };
    AuditEntryDto: {
      /** @description 序号 (id, increasing) */
      id: string;
      /**
       * Format: date-time
       * @description 发生时间
       */
      occurredAt: string;
      /** @description 操作账号 ID */
      actorAccountId: string | null;
      /** @description 操作账号用户名 */
      actorUsername: string | null;
      /** @description 操作账号角色 */
      actorRole: string | null;
      /** @description 动作 (action) */
      action: string;
      /** @description 对象类型 (entity type) */
      entityType: string;
      /** @description 对象 ID */
      entityId: string | null;
      /** @description 请求 ID (request id, for log correlation) */
      requestId: string | null;
      /** @description 客户端 IP */
      ip: string | null;
      /** @description 详情 (details) */
      data: Record<string, never> | null;
    };
    AuditPageDto: {
      /** @description 本页日志，新的在前 (entries, newest first) */
      items: components['schemas']['AuditEntryDto'][];
      /** @description 下一页游标；无更多时为 null */
      nextCursor: string | null;
    };
    StartRetentionDto: {
      /** @description 保留天数：早于此的日志移入归档 (entries older than this move to the archive); default AUDIT_RETENTION_DAYS */
      retentionDays?: number;
    };
    NotificationDto: {
      /**
       * Format: uuid
       * @description 通知 ID (notification id)
       */
      id: string;
      /**
       * @description 类型 <area>.<event>，如 class.session_changed (kind)
       * @example class.session_changed
       */
      kind: string;
      /** @description 标题 (title, ≤ 100 characters) */
      title: string;
      /** @description 正文 (body, ≤ 1000 characters) */
      body: string;
      /** @description 跳转所需的 ID，如 { "classId": "…" } (ids for deep links) */
      data: Record<string, never>;
      /**
       * Format: date-time
       * @description 发出时间 (created at)
       */
      createdAt: string;
      /**
       * Format: date-time
       * @description 已读时间；未读为 null (read at)
       */
      readAt: string | null;
    };
    NotificationPageDto: {
      /** @description 本页通知，新的在前 (newest first) */
      items: components['schemas']['NotificationDto'][];
      /** @description 下一页游标；无更多时为 null (next cursor) */
      nextCursor: string | null;
    };
    UnreadCountDto: {
      /** @description 未读通知数 (unread notifications) */
      count: number;
    };
    MarkedReadDto: {
      /** @description 本次标为已读的通知数 (notifications marked read) */
      updated: number;
    };
    MarkDto: {
      /** @description 报名记录 */
      enrollmentId: string;
      /** @description 社区工作者 */
      workerId: string;
      /** @description 姓名 */
      name: string;
      /** @description 身份证号（打码） */
      idNumberMasked: string;
      /** @description 考勤状态，未记录为 null */
      status: string | null;
      /** @description 迟到分钟 */
      minutesLate: number;
      /** @description 早退分钟 */
      minutesEarly: number;
      /**
       * Format: date-time
       * @description 签到时间
       */
      checkInAt: string | null;
      /**
       * Format: date-time
       * @description 签退时间
       */
      checkOutAt: string | null;
      /** @description 来源 (staff / self / code / offline / paper / leave) */
      source: string | null;
      /** @description 计入学时（半学时） */
      creditedHalfHours: number;
      /** @description 待审批的请假 */
      pendingLeaveId: string | null;
      /** @description 版本 */
      version: number | null;
    };
    SessionAttendanceDto: {
      /** @description 课次 */
      sessionId: string;
      /** @description 班次 */
      classId: string;
      /**
       * Format: date-time
       * @description 开始
       */
      startsAt: string;
      /**
       * Format: date-time
       * @description 结束
       */
      endsAt: string;
      /** @description 学时（半学时） */
      halfHours: number;
      /** @description 各状态人数（unmarked: 未记录） */
      counts: Record<string, never>;
      /** @description 此刻未到的学员（课次进行中或已结束、未签到且未请假） */
      missingNow: string[];
      /** @description 名单与考勤 */
      marks: components['schemas']['MarkDto'][];
    };
    MarkInputDto: {
      /**
       * Format: uuid
       * @description 报名记录（学员）(the trainee’s enrolment)
       */
      enrollmentId: string;
      /**
       * @description 考勤状态 (present / late / left_early / leave / absent)
       * @enum {string}
       */
      status: 'present' | 'late' | 'left_early' | 'leave' | 'absent';
      /**
       * @description 迟到分钟数 (minutes late)
       * @default 0
       */
      minutesLate: number;
      /**
       * @description 早退分钟数 (minutes early)
       * @default 0
       */
      minutesEarly: number;
      /** @description 备注 (note) */
      note?: string;
    };
    MarkRosterDto: {
      /** @description 考勤 (marks, one per trainee) */
      marks: components['schemas']['MarkInputDto'][];
      /** @description 更正原因（更改已有记录时必填）(reason, required to change existing marks) */
      reason?: string;
    };
    MarkOneDto: {
      /**
       * @description 考勤状态
       * @enum {string}
       */
      status: 'present' | 'late' | 'left_early' | 'leave' | 'absent';
      /** @description 迟到分钟数 */
      minutesLate?: number;
      /** @description 早退分钟数 */
      minutesEarly?: number;
      /** @description 备注 */
      note?: string;
      /** @description 更正原因（更改已有记录时必填） */
      reason?: string;
    };
    CheckInCodeDto: {
      /** @description 签到页地址（二维码内容） */
      url: string;
      /** @description 令牌 */
      token: string;
      /** @description 6 位签到码 */
      code: string;
      /**
       * Format: date-time
       * @description 本令牌的失效时间（此后换新）
       */
      rotatesAt: string;
      /** @description 轮换周期（秒） */
      periodSeconds: number;
      /** @description 本课次需要签退 */
      checkOut: boolean;
    };
    CheckInDto: {
      /**
       * Format: uuid
       * @description 课次 (session)
       */
      sessionId: string;
      /**
       * @description 二维码中的令牌 (the token in the QR code URL)
       * @example 59966180.abcdEFGHijkl1234
       */
      token: string;
      /**
       * @description 签到或签退 (in / out)
       * @default in
       * @enum {string}
       */
      direction: 'in' | 'out';
      /** @description 离线扫码时间（联网后补交）(when an offline phone scanned) */
      scannedAt?: string;
      /** @description 手机生成的请求编号，重试时不变 (the phone’s id of this check-in, kept on retries) */
      clientRef?: string;
    };
    CheckInResultDto: {
      /** @description 课次 */
      sessionId: string;
      /** @description 班次名称 */
      classTitle: string;
      /** @description 考勤状态 */
      status: string;
      /** @description 迟到分钟 */
      minutesLate: number;
      /** @description 早退分钟 */
      minutesEarly: number;
      /**
       * Format: date-time
       * @description 签到时间
       */
      checkInAt: string | null;
      /**
       * Format: date-time
       * @description 签退时间
       */
      checkOutAt: string | null;
      /** @description 是同一请求的重试（未重复记录） */
      repeated: boolean;
    };
    CodeCheckInDto: {
      /**
       * @description 投屏上显示的 6 位签到码 (the 6-digit code on the screen)
       * @example 048213
       */
      code: string;
      /**
       * @description 签到或签退
       * @default in
       * @enum {string}
       */
      direction: 'in' | 'out';
      /** @description 请求编号（重试不变） */
      clientRef?: string;
    };
    LeaveRequestInputDto: {
      /** @description 请假事由 (reason) */
      reason: string;
    };
    LeaveRequestDto: {
      /** @description 请假 id */
      id: string;
      /** @description 课次 */
      sessionId: string;
      /** @description 班次 */
      classId: string;
      /** @description 社区工作者 */
      workerId: string;
      /** @description 姓名 */
      name: string;
      /** @description 事由 */
      reason: string;
      /** @description 状态 (pending / approved / refused / cancelled) */
      status: string;
      /** @description 说明 */
      decisionNote: string | null;
      /**
       * Format: date-time
       * @description 提交时间
       */
      createdAt: string;
      /**
       * Format: date-time
       * @description 决定时间
       */
      decidedAt: string | null;
    };
    LeaveDecisionDto: {
      /** @description 说明 (note) */
      note?: string;
    };
    SessionHoursDto: {
      /** @description 课次 */
      sessionId: string;
      /**
       * Format: date-time
       * @description 开始
       */
      startsAt: string;
      /** @description 学时（半学时） */
      halfHours: number;
      /** @description 已结束 */
      held: boolean;
      /** @description 考勤 */
      status: string | null;
      /** @description 计入学时（半学时） */
      creditedHalfHours: number;
    };
    EnrollmentHoursDto: {
      /** @description 报名记录 */
      enrollmentId: string;
      /** @description 班次 */
      classId: string;
      /** @description 培训类型 */
      type: string;
      /** @description 已计学时（半学时） */
      creditedHalfHours: number;
      /** @description 要求学时（半学时）：政策对该学员的最低学时，无则为本班总学时 */
      requiredHalfHours: number;
      /** @description 已举行课次 */
      sessionsHeld: number;
      /** @description 出勤课次（出勤、迟到、早退） */
      sessionsAttended: number;
      /** @description 出勤率 0..1 */
      attendanceRate: number;
      /** @description 学时要求已满足（考试与证书依据） */
      met: boolean;
      /** @description 各课次 */
      sessions: components['schemas']['SessionHoursDto'][];
    };
    TypeHoursDto: {
      /** @description 培训类型 */
      type: string;
      /** @description 类型名称 */
      label: string;
      /** @description 已计学时（半学时） */
      creditedHalfHours: number;
      /** @description 政策最低学时（半学时），无则为 null */
      requiredHalfHours: number | null;
      /** @description 班次数 */
      classes: number;
    };
    WorkerHoursDto: {
      /** @description 社区工作者 */
      workerId: string;
      /** @description 年度 */
      year: number;
      /** @description 各类型学时 */
      types: components['schemas']['TypeHoursDto'][];
      /** @description 合计（半学时） */
      totalHalfHours: number;
    };
    MissingTraineeDto: {
      /**
       * Format: uuid
       * @description 报名记录（学员）(the trainee’s enrolment)
       */
      enrollmentId: string;
      /**
       * Format: uuid
       * @description 社区工作者 (the worker)
       */
      workerId: string;
      /** @description 姓名 (name) */
      name: string;
      /**
       * @description 未记录 unmarked / 缺勤 absent
       * @enum {string}
       */
      status: 'unmarked' | 'absent';
    };
    MissingNowDto: {
      /**
       * Format: uuid
       * @description 课次 (session)
       */
      sessionId: string;
      /** @description 课次是否已开始 (started) */
      started: boolean;
      /** @description 应到人数 (trainees holding a place) */
      expected: number;
      /** @description 此刻未到 (missing right now) */
      missing: components['schemas']['MissingTraineeDto'][];
    };
    SheetUploadResultDto: {
      /**
       * Format: uuid
       * @description 班次 (class)
       */
      classId: string;
      /** @description 有新增或更改考勤的课次数 (sessions whose marks were written) */
      sessions: number;
      /** @description 写入的考勤条数 (marks written) */
      written: number;
      /** @description 与已有考勤相同、未改动的条数 (marks unchanged) */
      unchanged: number;
      /** @description 上传文件的 SHA-256 (the uploaded file’s hash) */
      fileSha256: string;
    };
    GridSessionDto: {
      /**
       * Format: uuid
       * @description 课次 (session)
       */
      id: string;
      /**
       * Format: date-time
       * @description 开始时间 (starts at)
       */
      startsAt: string;
      /** @description 课次主题 (topic) */
      topic: string;
      /** @description 学时（半学时为单位）(half hours) */
      halfHours: number;
      /** @description 已结束 (held) */
      held: boolean;
    };
    GridCellDto: {
      /** @description 该课次的考勤状态，未记录为 null (present / late / left_early / leave / absent; null when not marked) */
      status: string | null;
      /** @description 该课次计入学时（半学时）(half hours credited for the session) */
      creditedHalfHours: number;
    };
    GridRowDto: {
      /**
       * Format: uuid
       * @description 报名记录（学员）(the trainee’s enrolment)
       */
      enrollmentId: string;
      /** @description 姓名 (name) */
      name: string;
      /** @description 身份证号（打码）(masked ID number) */
      idNumberMasked: string;
      /** @description 各课次考勤，与 sessions 顺序一致 (one cell per session, in the order of sessions) */
      cells: components['schemas']['GridCellDto'][];
      /** @description 已计学时（半学时）(half hours credited) */
      creditedHalfHours: number;
      /** @description 要求学时（半学时）：政策对该学员的最低学时（不超过本班总学时），无则为本班总学时 (half hours required) */
      requiredHalfHours: number;
      /** @description 出勤率 0..1：出勤（含迟到、早退）课次 ÷ 已举行课次，未举行时为 1 (attendance rate) */
      attendanceRate: number;
      /** @description 学时要求已满足 (hours requirement met) */
      met: boolean;
    };
    ClassGridDto: {
      /**
       * Format: uuid
       * @description 班次 (class)
       */
      classId: string;
      /** @description 班次名称 (class title) */
      title: string;
      /** @description 承办单位名称（培训机构，无则为街道）(the institution or street running the class) */
      institution: string;
      /** @description 主管部门（报表抬头）(the authority at the head of the report) */
      authority: string;
      /** @description 时区，如 Asia/Shanghai (the time zone of local times) */
      timeZone: string;
      /** @description 课次（表格的列）(sessions, the columns) */
      sessions: components['schemas']['GridSessionDto'][];
      /** @description 已报名学员（表格的行）(enrolled trainees, the rows) */
      rows: components['schemas']['GridRowDto'][];
    };
    ClassReportJobDto: {
      /** @description 队列名 (queue) */
      queue: string;
      /** @description 任务 ID：生成后用它下载 (the job; download the PDF with it) */
      jobId: string;
      /**
       * @description 任务状态：已排队 (pending)
       * @enum {string}
       */
      status: 'pending';
    };
    StreetAttendanceDto: {
      /**
       * Format: uuid
       * @description 街道 (street)
       */
      streetId: string;
      /** @description 街道名称 (street name) */
      street: string;
      /** @description 参训人次：本街道工作者在本年度开班中的报名数 (places held in the year’s classes) */
      trainees: number;
      /** @description 已举行的课次人次 (places × sessions held) */
      sessionsHeld: number;
      /** @description 出勤人次（出勤、迟到、早退）(present, late or left early) */
      attended: number;
      /** @description 请假人次 (on leave) */
      leave: number;
      /** @description 缺勤人次 (absent) */
      absent: number;
      /** @description 已举行但未记录的人次 (held but not marked) */
      unmarked: number;
      /** @description 出勤率 0..1：出勤人次 ÷ 已举行人次，无已举行课次时为 1 (attendance rate) */
      attendanceRate: number;
    };
    DistrictAttendanceDto: {
      /**
       * Format: uuid
       * @description 区 (district)
       */
      districtId: string;
      /** @description 区名称 (district name) */
      district: string;
      /** @description 年度，默认本年 (year, this year by default) */
      year: number;
      /** @description 全区出勤率 0..1 (the district’s attendance rate) */
      attendanceRate: number;
      /** @description 各街道 (by street) */
      streets: components['schemas']['StreetAttendanceDto'][];
    };
    CreatePlanClassDto: {
      /**
       * @description 名额 (places)
       * @example 60
       */
      capacity: number;
      /**
       * @description 报名开始 (enrolment opens, ISO time)
       * @example 2026-11-20T00:00:00+08:00
       */
      enrolOpensAt: string;
      /**
       * @description 报名截止 (enrolment closes, ISO time)
       * @example 2026-12-01T00:00:00+08:00
       */
      enrolClosesAt: string;
      /**
       * @description 费用（分），仅职称类、学历类 (fee in fen, elective only)
       * @example 0
       */
      feeFen?: number;
      /**
       * Format: uuid
       * @description 已批准的项目计划书 (approved project plan)
       */
      projectPlanId: string;
      /** @description 班次名称，默认取计划书标题 (title; default: the plan title) */
      title?: string;
      /** @description 地点，默认取计划书地点 (location; default: the plan place) */
      location?: string;
    };
    ClassSessionDto: {
      /** @description 课次 id */
      id: string;
      /** @description 日期 (region date) */
      date: string;
      /** @description 开始 (HH:MM) */
      startTime: string;
      /** @description 结束 (HH:MM) */
      endTime: string;
      /**
       * Format: date-time
       * @description 开始时刻 (instant)
       */
      startsAt: string;
      /**
       * Format: date-time
       * @description 结束时刻 (instant)
       */
      endsAt: string;
      /** @description 学时（半学时）(half hours) */
      halfHours: number;
      /** @description 主题 (topic) */
      topic: string;
      /** @description 教学方式 (method) */
      method: string;
      /** @description 教师 id */
      teacherId: string | null;
      /** @description 教师或主讲人姓名 */
      teacherName: string | null;
      /** @description 教室 */
      room: string | null;
      /** @description 状态 (scheduled / cancelled) */
      status: string;
    };
    ClassDto: {
      /** @description 班次 id */
      id: string;
      /** @description 来源 (plan / municipal / street) */
      origin: string;
      /** @description 项目计划书 */
      projectPlanId: string | null;
      /** @description 承办机构 */
      institutionId: string | null;
      /** @description 承办机构名称 */
      institutionName: string | null;
      /** @description 区 */
      districtId: string | null;
      /** @description 街道（街道培训） */
      streetId: string | null;
      /** @description 年度 */
      year: number;
      /** @description 类型 */
      type: string;
      /** @description 类型名称 */
      typeLabel: string;
      /** @description 名称 */
      title: string;
      /** @description 面向层级 */
      targetTiers: string[];
      /** @description 面向进入方式 */
      targetChannels: string[];
      /** @description 名额 */
      capacity: number;
      /** @description 已占名额（已报名 + 候补待确认） */
      taken: number;
      /** @description 地点 */
      location: string;
      /**
       * Format: date-time
       * @description 报名开始
       */
      enrolOpensAt: string;
      /**
       * Format: date-time
       * @description 报名截止
       */
      enrolClosesAt: string;
      /** @description 费用（分） */
      feeFen: number;
      /** @description 本班迟到认定（分钟），null 按政策 */
      lateThresholdMinutes: number | null;
      /** @description 本班早退认定（分钟），null 按政策 */
      earlyThresholdMinutes: number | null;
      /** @description 状态 */
      status: string;
      /** @description 当前可报名 */
      enrolmentOpen: boolean;
      /** @description 课时合计（半学时） */
      halfHours: number;
      /**
       * Format: date-time
       * @description 首次课时间
       */
      startsAt: string | null;
      /**
       * Format: date-time
       * @description 末次课结束
       */
      endsAt: string | null;
      /** @description 取消原因 */
      cancelReason: string | null;
      /** @description 版本 */
      version: number;
      /** @description 课次 */
      sessions: components['schemas']['ClassSessionDto'][];
    };
    SessionInputDto: {
      /**
       * @description 日期 (date, region time)
       * @example 2026-12-01
       */
      date: string;
      /**
       * @description 开始时间 (start, HH:MM)
       * @example 09:00
       */
      startTime: string;
      /**
       * @description 结束时间 (end, HH:MM)
       * @example 11:30
       */
      endTime: string;
      /**
       * @description 学时，以半学时计 (class hours in halves: 3 = 1.5 学时)
       * @example 4
       */
      halfHours: number;
      /**
       * @description 主题 (topic)
       * @example 社区治理与居民自治
       */
      topic: string;
      /**
       * @description 教学方式 (method)
       * @enum {string}
       */
      method: 'lecture' | 'case_teaching' | 'simulation' | 'site_visit' | 'online';
      /**
       * Format: uuid
       * @description 师资库教师 (teacher of the pool)
       */
      teacherId?: string;
      /** @description 主讲人（街道培训可不在师资库）(speaker, street classes) */
      speakerName?: string;
      /**
       * @description 教室 (room)
       * @example 301 教室
       */
      room?: string;
    };
    CreateOwnClassDto: {
      /**
       * @description 名额 (places)
       * @example 60
       */
      capacity: number;
      /**
       * @description 报名开始 (enrolment opens, ISO time)
       * @example 2026-11-20T00:00:00+08:00
       */
      enrolOpensAt: string;
      /**
       * @description 报名截止 (enrolment closes, ISO time)
       * @example 2026-12-01T00:00:00+08:00
       */
      enrolClosesAt: string;
      /**
       * @description 费用（分），仅职称类、学历类 (fee in fen, elective only)
       * @example 0
       */
      feeFen?: number;
      /**
       * @description 班次名称 (title)
       * @example 2026 年社区工作业务培训
       */
      title: string;
      /**
       * @description 地点 (location)
       * @example 东华门街道办事处三楼会议室
       */
      location: string;
      /** @description 课次 (sessions) */
      sessions: components['schemas']['SessionInputDto'][];
    };
    CreateAdvancedClassDto: {
      /**
       * @description 名额 (places)
       * @example 60
       */
      capacity: number;
      /**
       * @description 报名开始 (enrolment opens, ISO time)
       * @example 2026-11-20T00:00:00+08:00
       */
      enrolOpensAt: string;
      /**
       * @description 报名截止 (enrolment closes, ISO time)
       * @example 2026-12-01T00:00:00+08:00
       */
      enrolClosesAt: string;
      /**
       * @description 费用（分），仅职称类、学历类 (fee in fen, elective only)
       * @example 0
       */
      feeFen?: number;
      /**
       * @description 班次名称 (title)
       * @example 2026 年社区工作业务培训
       */
      title: string;
      /**
       * @description 地点 (location)
       * @example 东华门街道办事处三楼会议室
       */
      location: string;
      /** @description 课次 (sessions) */
      sessions: components['schemas']['SessionInputDto'][];
      /**
       * Format: uuid
       * @description 承办机构（已备案的高校等）(institution, filed)
       */
      institutionId: string;
      /**
       * @description 年度 (year)
       * @example 2026
       */
      year: number;
    };
    ClassPageDto: {
      /** @description 班次 */
      items: components['schemas']['ClassDto'][];
      /** @description 下一页游标 */
      nextCursor: string | null;
    };
    UpdateClassDto: {
      /** @description 当前版本 (version, optimistic lock) */
      version: number;
      /** @description 班次名称 (title) */
      title?: string;
      /** @description 名额 (places) */
      capacity?: number;
      /** @description 地点 (location) */
      location?: string;
      /** @description 报名开始 (ISO time) */
      enrolOpensAt?: string;
      /** @description 报名截止 (ISO time) */
      enrolClosesAt?: string;
      /** @description 费用（分）(fee in fen) */
      feeFen?: number;
      /** @description 迟到认定（分钟），只能严于政策；null 按政策 (late threshold, stricter than the policy; null: the policy) */
      lateThresholdMinutes?: number | null;
      /** @description 早退认定（分钟），只能严于政策；null 按政策 (early-leaving threshold; null: the policy) */
      earlyThresholdMinutes?: number | null;
    };
    CancelClassDto: {
      /** @description 取消原因 (reason) */
      reason: string;
    };
    SessionPatchDto: {
      /**
       * @description 日期 (date)
       * @example 2026-12-01
       */
      date?: string;
      /** @description 开始时间 (HH:MM) */
      startTime?: string;
      /** @description 结束时间 (HH:MM) */
      endTime?: string;
      /** @description 学时（半学时）(class hours in halves) */
      halfHours?: number;
      /** @description 主题 (topic) */
      topic?: string;
      /**
       * @description 教学方式 (method)
       * @enum {string}
       */
      method?: 'lecture' | 'case_teaching' | 'simulation' | 'site_visit' | 'online';
      /**
       * Format: uuid
       * @description 教师；null 取消指定 (teacher; null: none)
       */
      teacherId?: string | null;
      /** @description 教室；null 取消 (room; null: none) */
      room?: string | null;
      /** @description 变更原因（开放报名后必填）(reason, required once open) */
      reason?: string;
    };
    CancelSessionDto: {
      /** @description 取消原因 (reason) */
      reason: string;
    };
    ArchiveFileDto: {
      /**
       * Format: uuid
       * @description 档案文件 ID (archive file id)
       */
      id: string;
      /**
       * Format: uuid
       * @description 班次 ID (class id)
       */
      classId: string;
      /**
       * @description 材料类别 (category): teaching_plan 教学计划 / material 培训资料 / roster 学员名册 / photo 课堂照片 / video 课堂视频 / other 其他
       * @enum {string}
       */
      category: 'teaching_plan' | 'material' | 'roster' | 'photo' | 'video' | 'other';
      /**
       * @description 类别名称 (category label)
       * @example 课堂照片
       */
      categoryLabel: string;
      /**
       * @description 上传时的文件名 (file name as uploaded)
       * @example 第一次课合影.jpg
       */
      fileName: string;
      /**
       * @description 字节数 (size in bytes)
       * @example 1048576
       */
      size: number;
      /**
       * @description 由内容识别的类型 (MIME type sniffed from the content)
       * @example image/jpeg
       */
      mime: string;
      /**
       * @description 内容的 SHA-256 (hex)
       * @example e3b0c44298fc1c149afbf4c8996fb924…
       */
      sha256: string;
      /**
       * Format: uuid
       * @description 上传账号 (uploaded by, account id)
       */
      uploadedBy: string;
      /**
       * Format: date-time
       * @description 上传时间 (uploaded at)
       */
      uploadedAt: string;
    };
    ArchiveListDto: {
      /** @description 档案文件，最新的在前 (files, newest first) */
      items: components['schemas']['ArchiveFileDto'][];
      /** @description 文件总数 (number of files) */
      count: number;
      /** @description 总字节数 (total bytes) */
      totalBytes: number;
    };
    FiledInstitutionDto: {
      /**
       * Format: uuid
       * @description 机构 ID
       */
      id: string;
      /** @description 名称 */
      name: string;
      /** @description 备案号 */
      filingNumber: string;
      /** @description 类别 */
      kind: string;
      /** @description 地址 */
      address: string;
      /**
       * Format: date-time
       * @description 备案时间
       */
      filedAt: string;
    };
    QueueItemDto: {
      /**
       * Format: uuid
       * @description 机构 ID
       */
      id: string;
      /** @description 名称 */
      name: string;
      /**
       * Format: date-time
       * @description 提交时间
       */
      submittedAt: string;
      /** @description 已等待天数 (days waiting) */
      daysWaiting: number;
    };
    ReviewQueueDto: {
      /** @description 待审数量 (pending count) */
      count: number;
      /** @description 待审申请，最早提交的在前 (oldest first) */
      items: components['schemas']['QueueItemDto'][];
    };
    DocumentDto: {
      /**
       * Format: uuid
       * @description ID
       */
      id: string;
      /** @description 文件名 (file name) */
      fileName: string;
      /** @description 类型 (MIME type) */
      mimeType: string;
      /** @description 大小（字节）(size) */
      sizeBytes: number;
      /**
       * Format: date-time
       * @description 上传时间
       */
      uploadedAt: string;
    };
    ReviewStepDto: {
      /** @description 操作 (action) */
      action: string;
      /** @description 原状态 (from) */
      fromStatus: string;
      /** @description 新状态 (to) */
      toStatus: string;
      /** @description 理由 (reason) */
      reason: string | null;
      /** @description 操作人 (by) */
      actorAccountId: string;
      /**
       * Format: date-time
       * @description 时间
       */
      at: string;
    };
    InstitutionDto: {
      /**
       * Format: uuid
       * @description 机构 ID（组织 ID）(institution = org unit id)
       */
      id: string;
      /** @description 名称 (name) */
      name: string;
      /** @description 状态 draft / pending / changes_requested / rejected / approved / suspended */
      status: string;
      /** @description 法人名称 */
      legalName: string | null;
      /** @description 统一社会信用代码 */
      creditCode: string | null;
      /** @description 类别 */
      kind: string | null;
      /** @description 地址 */
      address: string | null;
      /** @description 联系人 */
      contactName: string | null;
      /** @description 联系电话 */
      contactPhone: string | null;
      /** @description 年培训能力 */
      annualCapacity: number | null;
      /** @description 简介 */
      description: string | null;
      /** @description 备案号 (filing number) */
      filingNumber: string | null;
      /**
       * Format: date-time
       * @description 备案时间
       */
      filedAt: string | null;
      /**
       * Format: date-time
       * @description 提交时间
       */
      submittedAt: string | null;
      /** @description 最近一次驳回/要求修改/暂停的理由 */
      lastReason: string | null;
      /** @description 可否委托办班 (may be commissioned) */
      commissionable: boolean;
      /** @description 证明材料 (documents) */
      documents: components['schemas']['DocumentDto'][];
      /** @description 审核记录，旧的在前 (workflow history) */
      history: components['schemas']['ReviewStepDto'][];
    };
    SaveApplicationDto: {
      /**
       * @description 法人名称 (legal name)
       * @example 北京社会管理职业学院
       */
      legalName: string;
      /**
       * @description 统一社会信用代码，18 位 (unified social credit code)
       * @example 12100000400000624D
       */
      creditCode: string;
      /**
       * @description 机构类别 (kind)
       * @enum {string}
       */
      kind:
        'university' | 'vocational_college' | 'training_center' | 'social_organization' | 'other';
      /** @description 地址 (address) */
      address: string;
      /** @description 联系人 (contact) */
      contactName: string;
      /** @description 联系电话 (contact phone) */
      contactPhone: string;
      /** @description 年培训能力（人次）(training places a year) */
      annualCapacity: number;
      /** @description 机构简介、师资与场地 (description: teachers, premises) */
      description?: string;
    };
    ReviewDto: {
      /**
       * @description 审核决定 (decision)
       * @enum {string}
       */
      decision: 'approve' | 'reject' | 'request_changes';
      /** @description 理由；驳回和要求修改时必填 (reason; required unless approving) */
      reason?: string;
    };
    ReasonDto: {
      /** @description 理由 (reason) */
      reason: string;
    };
    CreateTeacherDto: {
      /**
       * @description 姓名 (name)
       * @example 王老师
       */
      name: string;
      /**
       * @description 职称 (title)
       * @example 副教授
       */
      title?: string;
      /**
       * @description 授课方向 (subjects)
       * @example [
       *       "社区治理",
       *       "社会工作实务"
       *     ]
       */
      subjects: string[];
      /**
       * @description 资质 (qualifications)
       * @example 社会工作师；10 年社区工作经验
       */
      qualifications?: string;
      /** @description 联系电话 (phone) */
      phone?: string;
      /**
       * Format: uuid
       * @description 关联本机构的教师账号 (a teacher account of your institution)
       */
      accountId?: string;
    };
    TeacherDto: {
      /**
       * Format: uuid
       * @description ID
       */
      id: string;
      /** @description 姓名 */
      name: string;
      /** @description 职称 */
      title: string | null;
      /** @description 授课方向 */
      subjects: string[];
      /** @description 资质 */
      qualifications: string | null;
      /** @description 是否有账号 (has an account) */
      hasAccount: boolean;
      /** @description 所属机构 ID (institutions) */
      institutionIds: string[];
      /** @description 是否同意列入师资库 (consents to be listed): 否则不能被新选用 (otherwise not offered for selection) */
      consenting: boolean;
    };
    TeacherConsentDto: {
      /**
       * Format: uuid
       * @description ID
       */
      id: string;
      /**
       * @description 方式：account 教师本人账号 / paper 机构登记书面同意 (how)
       * @enum {string}
       */
      method: 'account' | 'paper';
      /**
       * Format: date-time
       * @description 生效时间 (given at)
       */
      givenAt: string;
      /** @description 书面同意签署日期 (signed on) */
      signedOn: string | null;
      /** @description 存档编号 (reference) */
      reference: string | null;
      /** @description 备注 (note) */
      note: string | null;
      /** @description 登记账号 (recorded by) */
      recordedBy: string;
      /**
       * Format: date-time
       * @description 撤回时间 (withdrawn at)
       */
      withdrawnAt: string | null;
      /** @description 撤回登记账号 (withdrawn by) */
      withdrawnBy: string | null;
      /**
       * @description 撤回方式 (withdrawal method)
       * @enum {string|null}
       */
      withdrawalMethod: 'account' | 'paper' | null;
      /** @description 撤回理由 (withdrawal reason) */
      withdrawalReason: string | null;
    };
    TeacherConsentStateDto: {
      /**
       * Format: uuid
       * @description 教师 ID
       */
      teacherId: string;
      /** @description 当前是否同意列入师资库 (listed now) */
      consenting: boolean;
      /** @description 当前有效的同意 (current consent) */
      current: components['schemas']['TeacherConsentDto'] | null;
      /** @description 全部记录，新的在前 (history, newest first) */
      history: components['schemas']['TeacherConsentDto'][];
    };
    GiveConsentDto: {
      /**
       * @description 备注 (note)
       * @example 同意在师资库中公开姓名、职称、授课方向
       */
      note?: string;
    };
    WithdrawOwnConsentDto: {
      /** @description 撤回理由，可不填 (reason; optional for the teacher) */
      reason?: string;
    };
    RecordPaperConsentDto: {
      /**
       * @description 书面同意书签署日期 (date on the signed form)
       * @example 2026-11-20
       */
      signedOn: string;
      /**
       * @description 同意书存档编号或出处 (where the signed form is kept)
       * @example 师资档案 2026-017
       */
      reference: string;
      /** @description 备注 (note) */
      note?: string;
    };
    RecordWithdrawalDto: {
      /**
       * @description 撤回理由及依据，如教师书面撤回的日期 (reason, e.g. the teacher’s letter)
       * @example 本人 2026-11-20 书面申请撤回
       */
      reason: string;
    };
    UpdateTeacherDto: {
      /** @description 职称 (title) */
      title?: string;
      /** @description 授课方向 (subjects) */
      subjects?: string[];
      /** @description 资质 (qualifications) */
      qualifications?: string;
    };
    CreateAnnualPlanDto: {
      /**
       * @description 年度 (year)
       * @example 2027
       */
      year: number;
      /**
       * @description 标题 (title)
       * @example 2027 年度社区工作者培训计划
       */
      title: string;
    };
    PlanProjectDto: {
      /** @description ID */
      id: string;
      /** @description 培训类型 */
      type: string;
      /** @description 名称 */
      title: string;
      /** @description 岗位层级 */
      targetTiers: string[];
      /** @description 进入方式 */
      targetChannels: string[];
      /** @description 计划名额 */
      plannedPlaces: number;
      /** @description 预算（分） */
      budgetFen: number;
      /** @description 经费来源 (funding level, from the policy) */
      fundingLevel: string;
      /** @description 政策最低学时 (policy minimum hours) */
      minimumHours: number | null;
    };
    AnnualPlanDto: {
      /** @description ID */
      id: string;
      /** @description 年度 */
      year: number;
      /** @description 标题 */
      title: string;
      /** @description draft / published */
      status: string;
      /** @description 需求调查报告文件名 */
      surveyReportName: string | null;
      /**
       * Format: date-time
       * @description 发布时间
       */
      publishedAt: string | null;
      /** @description 项目 (projects) */
      projects: components['schemas']['PlanProjectDto'][];
      /** @description 按经费来源汇总的预算（分）(budget by funding level) */
      budgetByFunding: Record<string, never>;
    };
    PlanProjectInputDto: {
      /**
       * @description 培训类型 (training type)
       * @enum {string}
       */
      type: 'induction' | 'post' | 'advanced' | 'continuing' | 'elective';
      /**
       * @description 项目名称 (title)
       * @example 社区工作者岗位培训
       */
      title: string;
      /** @description 面向的岗位层级，空为全部 (target tiers; empty: all) */
      targetTiers?: string[];
      /** @description 面向的进入方式，空为全部 (target entry channels; empty: all) */
      targetChannels?: string[];
      /**
       * @description 计划名额 (planned places)
       * @example 3000
       */
      plannedPlaces: number;
      /**
       * @description 预算（分）(budget in fen)
       * @example 150000000
       */
      budgetFen: number;
    };
    PlanQueueItemDto: {
      /** @description ID */
      id: string;
      /** @description 名称 */
      title: string;
      /** @description 区 */
      districtId: string;
      /** @description 区名称 */
      districtName: string;
      /** @description 培训类型 */
      type: string;
      /** @description 是否为修订 (amendment) */
      amendment: boolean;
      /**
       * Format: date-time
       * @description 提交时间
       */
      submittedAt: string;
    };
    PlanQueueDto: {
      /** @description 待审批总数 (pending) */
      count: number;
      /** @description 按区统计 (by district) */
      byDistrict: Record<string, never>;
      /** @description 按培训类型统计 (by type) */
      byType: Record<string, never>;
      /** @description 最早提交的在前，最多 200 条 (oldest first) */
      items: components['schemas']['PlanQueueItemDto'][];
    };
    SessionDto: {
      /**
       * @description 日期 (date)
       * @example 2027-03-02
       */
      date: string;
      /**
       * @description 开始时间 (start)
       * @example 09:00
       */
      startTime: string;
      /**
       * @description 学时，可为半学时 (class hours; halves allowed)
       * @example 4
       */
      hours: number;
      /**
       * @description 内容 (topic)
       * @example 社区治理与服务
       */
      topic: string;
      /**
       * Format: uuid
       * @description 授课教师 (teacher from the pool)
       */
      teacherId?: string;
    };
    CostItemDto: {
      /**
       * @description 费用项目 (item)
       * @example 讲课费
       */
      item: string;
      /**
       * @description 金额（分）(amount in fen)
       * @example 500000
       */
      amountFen: number;
      /**
       * @description 承担方 (payer)
       * @enum {string}
       */
      payer: 'municipal' | 'district' | 'worker';
    };
    ProjectPlanInputDto: {
      /**
       * Format: uuid
       * @description 市计划中的项目 (project of the published city plan)
       */
      planProjectId: string;
      /**
       * Format: uuid
       * @description 受委托的培训机构 (commissioned institution)
       */
      institutionId: string;
      /** @description 计划书名称 (title) */
      title: string;
      /**
       * @description 名额 (places)
       * @example 120
       */
      places: number;
      /**
       * @description 开始日期 (start)
       * @example 2027-03-01
       */
      startDate: string;
      /**
       * @description 结束日期 (end)
       * @example 2027-03-10
       */
      endDate: string;
      /** @description 地点 (place) */
      place: string;
      /** @description 培训方式 (methods) */
      methods: ('lecture' | 'case_teaching' | 'simulation' | 'site_visit' | 'online')[];
      /** @description 师资（来自师资库）(teachers from the pool) */
      teacherIds: string[];
      /** @description 教材与资料 (materials) */
      materials?: string;
      /** @description 课次 (sessions) */
      sessions: components['schemas']['SessionDto'][];
      /** @description 经费测算 (cost estimate) */
      costItems: components['schemas']['CostItemDto'][];
    };
    ProjectPlanDto: {
      /** @description ID */
      id: string;
      /** @description 年度 */
      year: number;
      /** @description 区 */
      districtId: string;
      /** @description 市计划项目 */
      planProjectId: string;
      /** @description 培训类型 */
      type: string;
      /** @description 受委托机构 */
      institutionId: string;
      /** @description 名称 */
      title: string;
      /** @description 名额 */
      places: number;
      /** @description 开始日期 */
      startDate: string;
      /** @description 结束日期 */
      endDate: string;
      /** @description 地点 */
      place: string;
      /** @description 方式 */
      methods: string[];
      /** @description 师资 */
      teacherIds: string[];
      /** @description 教材 */
      materials: string | null;
      /** @description 课次 (hours in class hours) */
      sessions: components['schemas']['SessionDto'][];
      /** @description 合计学时 (total class hours) */
      totalHours: number;
      /** @description 经费测算 */
      costItems: components['schemas']['CostItemDto'][];
      /** @description 状态 draft / submitted / returned / approved / superseded */
      status: string;
      /** @description 退回意见 */
      comments: string | null;
      /** @description 修订自 (amends) */
      amendmentOf: string | null;
      /** @description 备案号 */
      filingNumber: string | null;
      /** @description 提交时间 */
      submittedAt: string | null;
      /** @description 审批时间 */
      decidedAt: string | null;
      /** @description 版本号 */
      version: number;
    };
    PlanProblemDto: {
      /** @description 字段 (field the problem names, e.g. sessions[2].date) */
      field: string;
      /**
       * @description 代码 (code)
       * @example HOURS_BELOW_MINIMUM
       */
      code: string;
      /** @description 说明 (message) */
      message: string;
    };
    PlanCheckDto: {
      /** @description 检查项 (hours / teachers / institution / dates / fees / places / materials) */
      key: string;
      /** @description 检查内容 (what is checked) */
      label: string;
      /** @description 是否通过 (passed) */
      passed: boolean;
      /** @description 未通过的原因 (problems) */
      problems: components['schemas']['PlanProblemDto'][];
    };
    PlanChecksDto: {
      /**
       * Format: uuid
       * @description 计划书 ID
       */
      planId: string;
      /** @description 适用的政策版本 (policy version) */
      policyId: string;
      /** @description 政策最低学时 (policy minimum hours) */
      minimumHours: number | null;
      /** @description 合计学时 (total class hours) */
      totalHours: number;
      /** @description 全部通过，可提交/批准 (all passed) */
      passed: boolean;
      /** @description 提交和批准时所做的政策检查，现在的结果 (the submit/approve checks, as of now) */
      checks: components['schemas']['PlanCheckDto'][];
    };
    UpdateProjectPlanDto: {
      /**
       * Format: uuid
       * @description 市计划中的项目 (project of the published city plan)
       */
      planProjectId: string;
      /**
       * Format: uuid
       * @description 受委托的培训机构 (commissioned institution)
       */
      institutionId: string;
      /** @description 计划书名称 (title) */
      title: string;
      /**
       * @description 名额 (places)
       * @example 120
       */
      places: number;
      /**
       * @description 开始日期 (start)
       * @example 2027-03-01
       */
      startDate: string;
      /**
       * @description 结束日期 (end)
       * @example 2027-03-10
       */
      endDate: string;
      /** @description 地点 (place) */
      place: string;
      /** @description 培训方式 (methods) */
      methods: ('lecture' | 'case_teaching' | 'simulation' | 'site_visit' | 'online')[];
      /** @description 师资（来自师资库）(teachers from the pool) */
      teacherIds: string[];
      /** @description 教材与资料 (materials) */
      materials?: string;
      /** @description 课次 (sessions) */
      sessions: components['schemas']['SessionDto'][];
      /** @description 经费测算 (cost estimate) */
      costItems: components['schemas']['CostItemDto'][];
      /** @description 读取时的版本号 (version you read) */
      version: number;
    };
    ReturnPlanDto: {
      /** @description 退回意见 (comments) */
      comments: string;
    };
    PolicyVersionDto: {
      /** @description 版本 ID */
      id: string;
      /** @description 地区 (region) */
      region: string;
      /** @description 起始年度 (from year) */
      fromYear: number;
      /** @description 政策内容 (the policy) */
      data: Record<string, never>;
      /**
       * Format: date-time
       * @description 创建时间
       */
      createdAt: string;
    };
    HoursChangesDto: {
      /** @description 初任培训学时（其他新招录）(induction, default) */
      induction?: number;
      /** @description 初任培训学时（全市统一公开招录）(induction, city-wide recruits) */
      inductionCitywide?: number;
      /** @description 岗位培训学时 (post) */
      post?: number;
      /** @description 进修培训学时 (advanced) */
      advanced?: number;
      /** @description 继续教育学时 (continuing) */
      continuing?: number;
    };
    GradeCapDto: {
      /**
       * @description 条件 (when): no_training / no_exam / failed_exam / hours_below
       * @enum {string}
       */
      when: 'no_training' | 'no_exam' | 'failed_exam' | 'hours_below';
      /** @description hours_below 的年度学时下限 (yearly hours for hours_below) */
      hours?: number;
      /**
       * @description 最高可评等次 (best grade still allowed)
       * @example competent
       */
      bestGrade: string;
      /**
       * @description 依据 (source)
       * @example 某区社区工作者管理办法 第六条
       */
      source: string;
    };
    PolicyLayerDto: {
      /**
       * @description 区的行政区划代码 (district division code, GB/T 2260)
       * @example 110108
       */
      districtCode: string;
      /**
       * @description 层级名称 (name of the layer)
       * @example 海淀区
       */
      name: string;
      /** @description 本区的等次限制 (the district’s grade caps) */
      gradeCaps: components['schemas']['GradeCapDto'][];
    };
    GradeShareLimitDto: {
      /**
       * @description 等次 (grade)
       * @example excellent
       */
      grade: string;
      /**
       * @description 最高比例，百分数 (largest share, per cent)
       * @example 20
       */
      maxPercent: number;
      /**
       * @description 计算单位 (unit counted)
       * @enum {string}
       */
      per: 'street';
      /**
       * @description 依据 (source)
       * @example 沈阳市社区工作者管理办法 第二十八条
       */
      source: string;
    };
    RemedialRuleDto: {
      /**
       * @description 考核等次 (grade that calls for training)
       * @example warning
       */
      afterGrade: string;
      /**
       * @description 须参加的培训类型 (training type owed)
       * @enum {string}
       */
      type: 'induction' | 'post' | 'advanced' | 'continuing' | 'elective';
      /**
       * @description 名称 (label)
       * @example 专门培训
       */
      label: string;
      /**
       * @description 依据 (source)
       * @example 沈阳市社区工作者管理办法 第三十二条
       */
      source: string;
    };
    NewPolicyVersionDto: {
      /**
       * @description 新版本 ID (id of the new version)
       * @example beijing-2027
       */
      id: string;
      /**
       * @description 以哪个版本为基础 (version it is based on)
       * @example beijing-2012
       */
      basedOn: string;
      /**
       * @description 起始年度，须晚于今年 (first year; after the current year)
       * @example 2027
       */
      fromYear: number;
      /** @description 标题 (title) */
      title: string;
      /** @description 学时调整 (changed minimum hours) */
      hours?: components['schemas']['HoursChangesDto'];
      /** @description 可推荐进修的上年考核等次 (grades that allow nomination) */
      nominationGrades?: string[];
      /** @description 培训结果对考核等次的限制；给出即整体替换 (grade caps; replaces the list) */
      gradeCaps?: components['schemas']['GradeCapDto'][];
      /** @description 区级规则层；给出即整体替换 (district layers; replaces the list) */
      layers?: components['schemas']['PolicyLayerDto'][];
      /** @description 等次比例限制；给出即整体替换 (grade share limits; replaces the list) */
      shareLimits?: components['schemas']['GradeShareLimitDto'][];
      /** @description 考核后须参加的培训；给出即整体替换 (training owed after a grade; replaces the list) */
      remedial?: components['schemas']['RemedialRuleDto'][];
      /** @description 进修培训年度名额 (advanced-study places a year) */
      advancedQuota?: number;
    };
    AvailabilityDto: {
      /** @description 班次 */
      classId: string;
      /** @description 可否报名 */
      eligible: boolean;
      /** @description 不可报名的规则代码 */
      code: string | null;
      /** @description 原因 */
      message: string | null;
      /** @description 剩余名额 */
      placesLeft: number;
      /** @description 候补人数 */
      waitlisted: number;
      /** @description 费用（分） */
      feeFen: number;
      /** @description 满员时将进入候补 */
      wouldWaitlist: boolean;
    };
    EnrolDto: {
      /**
       * @description 确认的费用（分），收费班次须与班次费用一致 (the fee the worker confirms, fen)
       * @example 0
       */
      confirmFeeFen?: number;
    };
    EnrollmentDto: {
      /** @description 报名记录 id */
      id: string;
      /** @description 班次 */
      classId: string;
      /** @description 班次名称 */
      classTitle: string;
      /** @description 社区工作者 */
      workerId: string;
      /** @description 姓名 */
      workerName: string;
      /** @description 状态 (enrolled / waitlisted / offered / withdrawn / declined / expired / cancelled) */
      status: string;
      /** @description 来源 (self / bulk / nomination) */
      source: string;
      /** @description 候补位次（候补中时） */
      waitlistPosition: number | null;
      /**
       * Format: date-time
       * @description 候补名额确认截止
       */
      offeredUntil: string | null;
      /** @description 确认的费用（分） */
      feeFen: number;
      /**
       * Format: date-time
       * @description 报名时间
       */
      createdAt: string;
      /**
       * Format: date-time
       * @description 结束时间（退出、取消等）
       */
      endedAt: string | null;
      /** @description 结束原因 */
      endReason: string | null;
    };
    BulkEnrolDto: {
      /** @description 社区工作者 (workers) */
      workerIds: string[];
    };
    BulkResultDto: {
      /** @description 已报名人数 */
      enrolled: number;
      /** @description 进入候补人数 */
      waitlisted: number;
      /** @description 报名记录 */
      items: components['schemas']['EnrollmentDto'][];
    };
    RosterEntryDto: {
      /** @description 报名记录 id */
      id: string;
      /** @description 班次 */
      classId: string;
      /** @description 班次名称 */
      classTitle: string;
      /** @description 社区工作者 */
      workerId: string;
      /** @description 姓名 */
      workerName: string;
      /** @description 状态 (enrolled / waitlisted / offered / withdrawn / declined / expired / cancelled) */
      status: string;
      /** @description 来源 (self / bulk / nomination) */
      source: string;
      /** @description 候补位次（候补中时） */
      waitlistPosition: number | null;
      /**
       * Format: date-time
       * @description 候补名额确认截止
       */
      offeredUntil: string | null;
      /** @description 确认的费用（分） */
      feeFen: number;
      /**
       * Format: date-time
       * @description 报名时间
       */
      createdAt: string;
      /**
       * Format: date-time
       * @description 结束时间（退出、取消等）
       */
      endedAt: string | null;
      /** @description 结束原因 */
      endReason: string | null;
      /** @description 身份证号（打码）(masked ID number) */
      idNumberMasked: string;
      /** @description 社区 */
      communityName: string;
      /** @description 街道 */
      streetName: string;
    };
    RosterPageDto: {
      /** @description 名单 */
      items: components['schemas']['RosterEntryDto'][];
      /** @description 下一页游标 */
      nextCursor: string | null;
      /** @description 各状态人数 (counts by status) */
      counts: Record<string, never>;
    };
    EndEntryDto: {
      /** @description 原因 (reason) */
      reason?: string;
    };
    NominateDto: {
      /**
       * Format: uuid
       * @description 社区工作者
       */
      workerId: string;
      /**
       * @description 进修年度 (year of the advanced study)
       * @example 2026
       */
      year: number;
      /** @description 推荐理由 (why) */
      reason?: string;
    };
    NominationDto: {
      /** @description 推荐 id */
      id: string;
      /** @description 年度 */
      year: number;
      /** @description 社区工作者 */
      workerId: string;
      /** @description 姓名 */
      workerName: string;
      /** @description 区 */
      districtId: string;
      /** @description 上年度考核等次 */
      grade: string;
      /** @description 状态 (pending / accepted / rejected / withdrawn) */
      status: string;
      /** @description 推荐理由 */
      nominationReason: string | null;
      /** @description 不予确认的原因 */
      decisionReason: string | null;
      /** @description 进修班次 */
      classId: string | null;
      /**
       * Format: date-time
       * @description 推荐时间
       */
      createdAt: string;
      /**
       * Format: date-time
       * @description 决定时间
       */
      decidedAt: string | null;
    };
    NominationListDto: {
      /** @description 推荐 */
      items: components['schemas']['NominationDto'][];
      /** @description 本年度已确认人数 */
      accepted: number;
      /** @description 本年度名额（政策） */
      quota: number;
    };
    AcceptNominationDto: {
      /**
       * Format: uuid
       * @description 进修班次 (the advanced class)
       */
      classId: string;
    };
    RejectNominationDto: {
      /** @description 不予确认的原因 (reason) */
      reason: string;
    };
    TimetableEntryDto: {
      /** @description 课次 id (session) */
      sessionId: string;
      /** @description 班次 id (class) */
      classId: string;
      /** @description 班次名称 (class title) */
      classTitle: string;
      /** @description 培训类型 (training type, or street) */
      classType: string;
      /** @description 报名记录 id (the place) */
      enrollmentId: string;
      /**
       * @description 名额状态：enrolled 已报名；offered 候补名额待确认 (place: enrolled or offered)
       * @enum {string}
       */
      placeStatus: 'enrolled' | 'offered';
      /** @description 候补名额待确认（尚未报名成功）(an offered place, not yet accepted) */
      offered: boolean;
      /**
       * Format: date-time
       * @description 候补名额确认截止 (accept the offered place before this)
       */
      offeredUntil: string | null;
      /**
       * @description 日期，地区时间 (date, region clock)
       * @example 2026-12-01
       */
      date: string;
      /**
       * @description 开始 HH:MM，地区时间 (start, region clock)
       * @example 09:00
       */
      startTime: string;
      /**
       * @description 结束 HH:MM，地区时间 (end, region clock)
       * @example 12:00
       */
      endTime: string;
      /**
       * Format: date-time
       * @description 开始时刻 (start instant)
       */
      startsAt: string;
      /**
       * Format: date-time
       * @description 结束时刻 (end instant)
       */
      endsAt: string;
      /** @description 学时，以半学时计 (class hours in halves) */
      halfHours: number;
      /**
       * @description 学时 (class hours; may be a half)
       * @example 4
       */
      hours: number;
      /** @description 主题 (topic) */
      topic: string;
      /** @description 教学方式 (method) */
      method: string;
      /** @description 上课地点 (the class location) */
      location: string;
      /** @description 教室 (room) */
      room: string | null;
      /** @description 教师或主讲人姓名 (teacher or speaker) */
      teacherName: string | null;
      /** @description 承办机构 (institution) */
      institutionName: string | null;
    };
    TimetableDto: {
      /** @description 课次，按开始时间排序 (sessions of my classes, by start) */
      items: components['schemas']['TimetableEntryDto'][];
      /** @description 已报名课次的学时合计（半学时）(half hours of enrolled places) */
      enrolledHalfHours: number;
    };
    ClassFillRateDto: {
      /** @description 班次 id (class) */
      id: string;
      /** @description 班次名称 (title) */
      title: string;
      /** @description 培训类型 (type, or street) */
      type: string;
      /** @description 班次状态 (draft / open / cancelled) */
      status: string;
      /** @description 年度 (year) */
      year: number;
      /** @description 承办机构 (institution) */
      institutionId: string | null;
      /** @description 区 (district) */
      districtId: string | null;
      /** @description 街道（街道自办培训）(street of a street class) */
      streetId: string | null;
      /** @description 名额 (capacity) */
      capacity: number;
      /** @description 已报名人数 (enrolled) */
      enrolled: number;
      /** @description 候补名额待确认人数 (offered a place, not yet accepted) */
      offered: number;
      /** @description 候补人数 (on the waitlist) */
      waitlisted: number;
      /**
       * @description 满员率 = 已报名 / 名额，0–1，三位小数 (enrolled / capacity, 3 decimals)
       * @example 0.75
       */
      fillRate: number;
      /**
       * Format: date-time
       * @description 第一次课开始 (first scheduled session starts)
       */
      firstSessionStartsAt: string | null;
      /**
       * Format: date-time
       * @description 最后一次课结束 (last scheduled session ends)
       */
      lastSessionEndsAt: string | null;
    };
    FillRatesPageDto: {
      /** @description 班次，按报名截止时间从晚到早 (classes, latest enrolment close first) */
      items: components['schemas']['ClassFillRateDto'][];
      /** @description 下一页游标 (next page) */
      nextCursor: string | null;
    };
    CoverageTypeDto: {
      /**
       * @description 培训类型 (training type)
       * @example induction
       */
      type: string;
      /**
       * @description 名称 (label)
       * @example 初任培训
       */
      label: string;
      /**
       * @description 必训对象：new_workers 新从事社区工作的人员（入职培训期内）；serving_workers 全部在职人员；after_grade 上年度或本年度考核为某等次者（如沈阳告诫→专门培训，type 为 remedial）(who must take it)
       * @enum {string}
       */
      mandatoryFor: 'new_workers' | 'serving_workers' | 'after_grade';
      /** @description 应参加人数 (workers who must take it) */
      required: number;
      /** @description 已参加人数。目前以当年（初任培训：当年或以前年度）该类型班次的“已报名”名额视为已参加；出勤完成情况待考勤功能（issue 10）提供 (for now an enrolled place in a class of the type that year — induction: that year or earlier — counts as covered; completion will come from attendance, issue 10) */
      covered: number;
      /** @description 尚未参加人数 (workers still lacking it) */
      missing: number;
    };
    CoverageWorkerDto: {
      /** @description 社区工作者 id (worker) */
      workerId: string;
      /** @description 姓名 (name) */
      name: string;
      /**
       * @description 身份证号（打码）(masked ID number)
       * @example 1101**********1234
       */
      idNumberMasked: string;
      /** @description 开始从事社区工作日期 (started community work) */
      startedOn: string;
      /** @description 街道 id (street) */
      streetId: string;
      /** @description 街道 (street) */
      streetName: string;
      /** @description 社区 id (community) */
      communityId: string;
      /** @description 社区 (community) */
      communityName: string;
      /**
       * @description 尚未参加的必训类型；remedial：考核等次后应接受的专门培训 (mandatory types still lacking; remedial: training owed after a grade)。目前以当年（初任培训：当年或以前年度）该类型班次的“已报名”名额视为已参加；出勤完成情况待考勤功能（issue 10）提供 (for now an enrolled place in a class of the type that year — induction: that year or earlier — counts as covered; completion will come from attendance, issue 10)
       * @example [
       *       "induction",
       *       "post"
       *     ]
       */
      missing: string[];
    };
    CoverageDto: {
      /** @description 年度 (year) */
      year: number;
      /** @description 判断日：今年为今天，以往年度为 12 月 31 日，以后年度为 1 月 1 日 (the day “new to community work” is judged on) */
      referenceDate: string;
      /** @description 范围单位 id (the unit: municipality, district or street) */
      unitId: string;
      /** @description 范围单位名称 (unit name) */
      unitName: string;
      /** @description 范围单位类型 (municipality / district / street) */
      unitKind: string;
      /** @description 适用的培训政策 (policy version) */
      policyId: string;
      /** @description 初任培训期（月）：入职不满该月数视为新从事社区工作 (induction window, months) */
      inductionWindowMonths: number;
      /** @description 在职且判断日前已开始社区工作的人数 (active workers of the unit who had started by the reference day) */
      activeWorkers: number;
      /** @description 各必训类型的人数 (counts per mandatory type) */
      summary: components['schemas']['CoverageTypeDto'][];
      /** @description 尚缺必训的社区工作者，按姓名排序 (workers missing something, by name) */
      items: components['schemas']['CoverageWorkerDto'][];
      /** @description 下一页游标 (next page) */
      nextCursor: string | null;
    };
    RemedialEnrolDto: {
      /**
       * Format: uuid
       * @description 专门培训班次 (the class to enrol them in)
       */
      classId: string;
      /**
       * @description 年度，缺省为今年 (year; default: this year)
       * @example 2026
       */
      year?: number;
    };
    CalendarFeedStatusDto: {
      /** @description 有有效的订阅地址 (a feed is active) */
      active: boolean;
      /**
       * Format: date-time
       * @description 创建时间 (created)
       */
      createdAt: string | null;
    };
    CalendarFeedCreatedDto: {
      /**
       * @description 订阅地址，只显示这一次，请妥善保管；凭此地址即可读取课程表 (the secret feed URL, shown once)
       * @example https://peixun.example.cn/api/v1/calendar/3q2-7wEXAMPLEtokenEXAMPLEtokenEXAMPLEtok.ics
       */
      url: string;
      /** @description 同一地址的 webcal:// 形式，手机日历点击即可订阅 (the same URL as webcal://) */
      webcalUrl: string;
      /**
       * Format: date-time
       * @description 创建时间 (created)
       */
      createdAt: string;
      /** @description 此前的订阅地址已失效的个数 (earlier feeds revoked by this one) */
      revokedPrevious: number;
    };
    PublishDocumentDto: {
      /**
       * @description 队列 (queue): poll GET /api/v1/jobs/{queue}/{jobId}
       * @example documents
       */
      queue: string;
      /**
       * @description 任务 ID (job id): the same for the same class, document and content
       * @example class-document.3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b.notice.0f1e2d3c4b5a6978
       */
      jobId: string;
      /**
       * @description 文书 (document): project_list 培训项目清单 / notice 培训通知单 / timetable 课程表 / attendance_sheet 考勤表
       * @enum {string}
       */
      kind: 'project_list' | 'notice' | 'timetable' | 'attendance_sheet';
      /**
       * @description 状态 (status): ready — unchanged since the stored rendering, which is reused; pending — being rendered
       * @enum {string}
       */
      status: 'pending' | 'ready';
    };
    DocumentJobDto: {
      /**
       * @description 队列 (queue): poll GET /api/v1/jobs/{queue}/{jobId}
       * @example documents
       */
      queue: string;
      /**
       * @description 任务 ID (job id): the same for the same class, document and content
       * @example class-document.3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b.notice.0f1e2d3c4b5a6978
       */
      jobId: string;
    };
    ClassDocumentDto: {
      /**
       * @description 文书 (document): project_list 培训项目清单 / notice 培训通知单 / timetable 课程表 / attendance_sheet 考勤表
       * @enum {string}
       */
      kind: 'project_list' | 'notice' | 'timetable' | 'attendance_sheet';
      /**
       * @description 文书名称 (label)
       * @example 培训通知单
       */
      label: string;
      /**
       * @description 状态 (status): none — never published; pending — being rendered; ready — the file shows the class as last published; failed — the last rendering failed
       * @enum {string}
       */
      status: 'none' | 'pending' | 'ready' | 'failed';
      /** @description 可下载 (a file can be downloaded: the last rendering, also while a newer one is pending) */
      available: boolean;
      /**
       * @description 下载文件名 (file name of the download)
       * @example 第一期-培训通知单.pdf
       */
      fileName: string;
      /** @description 字节数 (size of the stored file) */
      size: number | null;
      /** @description 文件 SHA-256 (hex) */
      sha256: string | null;
      /**
       * Format: date-time
       * @description 所示班次信息的读取时间 (when the class state the file shows was read)
       */
      renderedAt: string | null;
      /**
       * Format: date-time
       * @description 最近一次发布请求时间 (latest publish request)
       */
      requestedAt: string | null;
      /** @description 生成任务 (the latest rendering job; only for who runs the class) */
      job: components['schemas']['DocumentJobDto'] | null;
      /** @description 失败原因 (why the last rendering failed) */
      error: string | null;
    };
    OrgUnitDto: {
      /**
       * Format: uuid
       * @description ID
       */
      id: string;
      /**
       * @description 类型 (kind)
       * @enum {string}
       */
      kind: 'municipality' | 'district' | 'street' | 'community' | 'institution';
      /** @description 上级 ID (parent) */
      parentId: string | null;
      /** @description 名称 (name) */
      name: string;
      /** @description 代码 (code) */
      code: string | null;
      /** @description 所在区 (district) */
      districtId: string | null;
      /** @description 所在街道 (street) */
      streetId: string | null;
      /** @description 是否启用 (active) */
      active: boolean;
    };
    CreateOrgUnitDto: {
      /**
       * @description 类型：district 区 / street 街道 / community 社区 / institution 培训机构
       * @enum {string}
       */
      kind: 'district' | 'street' | 'community' | 'institution';
      /**
       * Format: uuid
       * @description 上级 ID；缺省为调用者所在的单位 (parent; defaults to your own unit)
       */
      parentId?: string;
      /**
       * @description 名称 (name)
       * @example 中关村街道
       */
      name: string;
      /**
       * @description 行政区划代码或登记编号；区划代码须属于本市且在上级之内 (division code, within the municipality and the parent, or a registration number)
       * @example 110108013
       */
      code?: string;
    };
    UpdateOrgUnitDto: {
      /** @description 名称 (name) */
      name?: string;
      /** @description 行政区划代码 (division code) */
      code?: string;
      /** @description 启用/停用 (active) */
      active?: boolean;
    };
    DeleteOutcomeDto: {
      /** @description deleted：已删除；deactivated：仍被引用，已停用 (still referenced, so deactivated) */
      outcome: string;
      /** @description 引用它的记录数 (what refers to it) */
      references: Record<string, never>;
    };
    CreateAccountDto: {
      /**
       * @description 用户名：3-64 位小写字母、数字、. _ - (username)
       * @example haidian.zhang
       */
      username: string;
      /**
       * @description 显示名 (display name)
       * @example 张三
       */
      displayName: string;
      /**
       * @description 角色 (role)
       * @enum {string}
       */
      role: 'municipal_admin' | 'district_admin' | 'street_admin' | 'institution_staff' | 'teacher';
      /**
       * Format: uuid
       * @description 管辖范围：区、街道、机构或市的 ID (the unit the account is bound to)
       */
      scopeOrgId: string;
      /** @description 初始密码；缺省时生成并返回一次 (initial password; generated if absent) */
      password?: string;
    };
    CreatedAccountDto: {
      /**
       * Format: uuid
       * @description ID
       */
      id: string;
      /** @description 用户名 (username) */
      username: string;
      /** @description 显示名 (display name) */
      displayName: string;
      /**
       * @description 角色 (role)
       * @enum {string}
       */
      role:
        | 'municipal_admin'
        | 'district_admin'
        | 'street_admin'
        | 'institution_staff'
        | 'teacher'
        | 'worker';
      /** @description 管辖范围 (bound unit) */
      scopeOrgId: string | null;
      /** @description 关联的社区工作者 (linked worker) */
      workerId: string | null;
      /** @description 是否启用 (active) */
      active: boolean;
      /**
       * Format: date-time
       * @description 最近登录 (last login)
       */
      lastLoginAt: string | null;
      /** @description 初始或重置后的密码，只显示这一次 (shown once) */
      password: string | null;
    };
    AccountDto: {
      /**
       * Format: uuid
       * @description ID
       */
      id: string;
      /** @description 用户名 (username) */
      username: string;
      /** @description 显示名 (display name) */
      displayName: string;
      /**
       * @description 角色 (role)
       * @enum {string}
       */
      role:
        | 'municipal_admin'
        | 'district_admin'
        | 'street_admin'
        | 'institution_staff'
        | 'teacher'
        | 'worker';
      /** @description 管辖范围 (bound unit) */
      scopeOrgId: string | null;
      /** @description 关联的社区工作者 (linked worker) */
      workerId: string | null;
      /** @description 是否启用 (active) */
      active: boolean;
      /**
       * Format: date-time
       * @description 最近登录 (last login)
       */
      lastLoginAt: string | null;
    };
    AccountPageDto: {
      /** @description 账号 (accounts, by username) */
      items: components['schemas']['AccountDto'][];
      /** @description 下一页游标 (next cursor) */
      nextCursor: string | null;
    };
    TemporaryPasswordDto: {
      /** @description 临时密码，只显示这一次；该账号的所有登录已注销 (shown once; sessions revoked) */
      temporaryPassword: string;
    };
    CreateWorkerAccountDto: {
      /**
       * @description 用户名 (username)
       * @example li.si
       */
      username: string;
      /** @description 初始密码；缺省时生成并返回一次 (initial password; generated if absent) */
      password?: string;
    };
    CreateWorkerDto: {
      /**
       * @description 姓名 (name)
       * @example 李四
       */
      name: string;
      /**
       * @description 性别；缺省按身份证号 (gender; defaults to the ID number’s)
       * @enum {string}
       */
      gender?: 'male' | 'female';
      /**
       * @description 出生日期；缺省按身份证号 (birth date)
       * @example 1990-03-07
       */
      birthDate?: string;
      /**
       * @description 身份证号，18 位，校验位 (resident ID number)
       * @example 110101199003076632
       */
      idNumber: string;
      /**
       * @description 联系电话 (phone)
       * @example 13800000000
       */
      phone?: string;
      /**
       * Format: uuid
       * @description 所在社区 ID (community)
       */
      communityId: string;
      /**
       * @description 岗位层级：head 正职 / deputy 副职 / staff 一般工作人员
       * @enum {string}
       */
      positionTier: 'head' | 'deputy' | 'staff';
      /**
       * @description 职务 (post)
       * @enum {string}
       */
      post?:
        | 'party_secretary'
        | 'committee_director'
        | 'station_head'
        | 'deputy_party_secretary'
        | 'committee_deputy_director'
        | 'station_deputy_head'
        | 'committee_member'
        | 'station_staff'
        | 'full_time_officer';
      /**
       * @description 进入方式 (entry channel)
       * @enum {string}
       */
      entryChannel: 'elected' | 'recruited_citywide' | 'recruited_other';
      /**
       * @description 社区工作起始日期 (started community work on)
       * @example 2015-07-01
       */
      startedOn: string;
      /**
       * @description 社会工作职业资格 (social-work qualification)
       * @enum {string}
       */
      qualification?: 'none' | 'assistant_social_worker' | 'social_worker' | 'senior_social_worker';
      /** @description 资格证书编号 (certificate number) */
      qualificationCertNo?: string;
      /**
       * @description 取得资格日期 (qualified on)
       * @example 2019-06-20
       */
      qualificationOn?: string;
    };
    WorkerDto: {
      /**
       * Format: uuid
       * @description ID
       */
      id: string;
      /** @description 姓名 */
      name: string;
      /**
       * @description 性别
       * @enum {string}
       */
      gender: 'male' | 'female';
      /** @description 出生日期 */
      birthDate: string;
      /** @description 身份证号；非本人及其管理者时打码 (masked outside the chain of administration) */
      idNumber: string;
      /** @description 身份证号是否已打码 (whether idNumber is masked) */
      idNumberMasked: boolean;
      /** @description 联系电话 */
      phone: string | null;
      /** @description 社区 ID */
      communityId: string;
      /** @description 街道 ID */
      streetId: string;
      /** @description 区 ID */
      districtId: string;
      /**
       * @description 岗位层级
       * @enum {string}
       */
      positionTier: 'head' | 'deputy' | 'staff';
      /**
       * @description 职务
       * @enum {string|null}
       */
      post:
        | 'party_secretary'
        | 'committee_director'
        | 'station_head'
        | 'deputy_party_secretary'
        | 'committee_deputy_director'
        | 'station_deputy_head'
        | 'committee_member'
        | 'station_staff'
        | 'full_time_officer'
        | null;
      /**
       * @description 进入方式
       * @enum {string}
       */
      entryChannel: 'elected' | 'recruited_citywide' | 'recruited_other';
      /** @description 社区工作起始日期 */
      startedOn: string;
      /**
       * @description 社工资格
       * @enum {string}
       */
      qualification: 'none' | 'assistant_social_worker' | 'social_worker' | 'senior_social_worker';
      /** @description 资格证书编号 */
      qualificationCertNo: string | null;
      /** @description 取得资格日期 */
      qualificationOn: string | null;
      /**
       * @description 状态
       * @enum {string}
       */
      status: 'active' | 'left' | 'retired';
      /** @description 版本号 (for optimistic locking) */
      version: number;
    };
    WorkerPageDto: {
      /** @description 社区工作者，按姓名排序 (by name) */
      items: components['schemas']['WorkerDto'][];
      /** @description 下一页游标 (next cursor) */
      nextCursor: string | null;
    };
    PostHistoryDto: {
      /** @description 变动类型 initial / post_change / transfer / status_change */
      changeKind: string;
      /** @description 社区 ID */
      communityId: string;
      /** @description 社区名称 */
      communityName: string | null;
      /** @description 岗位层级 */
      positionTier: string;
      /** @description 职务 */
      post: string | null;
      /** @description 状态 */
      status: string;
      /** @description 生效日期 */
      effectiveOn: string;
      /** @description 原因 */
      reason: string | null;
      /**
       * Format: date-time
       * @description 记录时间
       */
      recordedAt: string;
    };
    GradeDto: {
      /** @description 年度 */
      year: number;
      /** @description 等次代码 (grade code) */
      grade: string;
      /** @description 等次名称 (grade label) */
      label: string;
      /** @description 适用政策 (policy) */
      policyId: string;
      /** @description 备注 */
      note: string | null;
      /**
       * Format: date-time
       * @description 记录时间
       */
      recordedAt: string;
    };
    WorkerFileDto: {
      /** @description 基本情况 (facts) */
      worker: components['schemas']['WorkerDto'];
      /** @description 所在社区、街道、区名称 (place names) */
      place: Record<string, never>;
      /** @description 岗位变化情况 (post history, oldest first) */
      postHistory: components['schemas']['PostHistoryDto'][];
      /** @description 考核评议 (annual grades, newest first) */
      assessments: components['schemas']['GradeDto'][];
      /** @description 是否有账号 (has an account) */
      hasAccount: boolean;
    };
    UpdateWorkerDto: {
      /** @description 姓名 (name) */
      name?: string;
      /** @description 联系电话 (phone) */
      phone?: string;
      /**
       * @description 社会工作职业资格 (qualification)
       * @enum {string}
       */
      qualification?: 'none' | 'assistant_social_worker' | 'social_worker' | 'senior_social_worker';
      /** @description 资格证书编号 (certificate number) */
      qualificationCertNo?: string;
      /** @description 取得资格日期 (qualified on) */
      qualificationOn?: string;
      /** @description 读取时的版本号，防止覆盖他人修改 (version you read; optimistic lock) */
      version: number;
    };
    PostChangeDto: {
      /**
       * @description 新岗位层级 (new tier)
       * @enum {string}
       */
      positionTier: 'head' | 'deputy' | 'staff';
      /**
       * @description 新职务 (new post)
       * @enum {string}
       */
      post?:
        | 'party_secretary'
        | 'committee_director'
        | 'station_head'
        | 'deputy_party_secretary'
        | 'committee_deputy_director'
        | 'station_deputy_head'
        | 'committee_member'
        | 'station_staff'
        | 'full_time_officer';
      /**
       * @description 生效日期 (effective on)
       * @example 2026-01-01
       */
      effectiveOn: string;
      /**
       * @description 原因 (reason)
       * @example 换届选举
       */
      reason?: string;
    };
    TransferDto: {
      /**
       * Format: uuid
       * @description 调入社区 ID (new community)
       */
      communityId: string;
      /** @description 生效日期 (effective on) */
      effectiveOn: string;
      /** @description 原因 (reason) */
      reason?: string;
    };
    StatusChangeDto: {
      /**
       * @description 状态：active 在职 / left 离职 / retired 退休
       * @enum {string}
       */
      status: 'active' | 'left' | 'retired';
      /** @description 生效日期 (effective on) */
      effectiveOn: string;
      /** @description 原因 (reason) */
      reason?: string;
    };
    RecordGradeDto: {
      /** @description 考核等次：政策中的代码或中文 (grade code or label, e.g. excellent / 优秀) */
      grade: string;
      /** @description 备注 (note) */
      note?: string;
    };
    RowErrorDto: {
      /** @description 行号，表头为第 1 行 (spreadsheet row; the header is row 1) */
      row: number;
      /** @description 列名 (column header) */
      column: string;
      /** @description 原因 (reason) */
      reason: string;
    };
    RosterImportResultDto: {
      /**
       * Format: uuid
       * @description 导入 ID (import id)
       */
      importId: string;
      /** @description pending / processing / invalid（有错误行，未写入）/ completed / failed */
      status: string;
      /** @description 数据行数 (data rows) */
      totalRows: number;
      /** @description 新增人数 (created) */
      created: number;
      /** @description 更新人数 (updated, matched on ID number) */
      updated: number;
      /** @description 错误行数 (number of problems) */
      errorCount: number;
      /** @description 错误明细（最多 1000 条）(problems, at most 1,000) */
      errors: components['schemas']['RowErrorDto'][];
      /** @description 处理失败原因 (failure) */
      failure: string | null;
    };
    StartExportDto: {
      /**
       * Format: uuid
       * @description 区 (district)
       */
      districtId?: string;
      /**
       * Format: uuid
       * @description 街道 (street)
       */
      streetId?: string;
      /**
       * Format: uuid
       * @description 社区 (community)
       */
      communityId?: string;
      /**
       * @description 岗位层级 (tier)
       * @enum {string}
       */
      positionTier?: 'head' | 'deputy' | 'staff';
      /**
       * @description 进入方式 (entry channel)
       * @enum {string}
       */
      entryChannel?: 'elected' | 'recruited_citywide' | 'recruited_other';
      /**
       * @description 社工资格 (qualification)
       * @enum {string}
       */
      qualification?: 'none' | 'assistant_social_worker' | 'social_worker' | 'senior_social_worker';
      /**
       * @description 状态 (status)
       * @enum {string}
       */
      status?: 'active' | 'left' | 'retired';
      /** @description 姓名包含 (name contains) */
      name?: string;
      /** @description 身份证号（完整 18 位）(exact ID number) */
      idNumber?: string;
      /** @description 联系电话（完整号码）(exact phone number) */
      phone?: string;
      /**
       * @description 导出格式 (format)
       * @default xlsx
       * @enum {string}
       */
      format: 'xlsx' | 'csv';
    };
    RosterJobDto: {
      /**
       * Format: uuid
       * @description 名册文件 ID (import or export id)
       */
      id: string;
      /** @description 队列名 (queue) */
      queue: string;
      /** @description 任务 ID：GET /api/v1/jobs/{queue}/{jobId} 查询进度 */
      jobId: string;
      /** @description 状态 (status) */
      status: string;
    };
    RosterExportDto: {
      /**
       * Format: uuid
       * @description 导出 ID (export id)
       */
      id: string;
      /** @description pending / processing / completed / failed */
      status: string;
      /** @description 格式 (format) */
      format: string;
      /** @description 行数 (rows) */
      totalRows: number | null;
      /** @description 文件大小（字节）(size in bytes) */
      sizeBytes: number;
      /** @description 失败原因 (failure) */
      failure: string | null;
    };
    ExamDto: {
      /** @description 考核 ID (exam id) */
      id: string;
      /** @description 班次 (class) */
      classId: string;
      /** @description 第几次考核（1 为首次，2 起为补考）(attempt) */
      attempt: number;
      /** @description 考核日期 (date held, YYYY-MM-DD) */
      heldOn: string;
      /**
       * @description 记分方式 (score / pass_fail)
       * @enum {string}
       */
      mode: 'score' | 'pass_fail';
      /** @description 满分，登记考核时的政策值 (max score, fixed when recorded) */
      maxScore: number;
      /** @description 合格分数，登记考核时的政策值 (pass score, fixed when recorded) */
      passScore: number;
      /** @description 监督人姓名 (the authority’s supervisor) */
      supervisorName: string;
      /** @description 监督单位：委托培训的区或市民政局 (supervising authority unit) */
      supervisorOrgId: string;
      /** @description 已登记成绩的学员数 (results recorded) */
      results: number;
      /** @description 其中合格人数 (of which passed) */
      passed: number;
    };
    ExamResultDto: {
      /** @description 考核 (exam) */
      examId: string;
      /** @description 第几次考核（1 为首次，2 起为补考）(attempt) */
      attempt: number;
      /** @description 成绩，合格/不合格考核为 null (score; null for a pass/fail exam) */
      score: number | null;
      /** @description 是否合格 (passed) */
      passed: boolean;
    };
    ExamRosterEntryDto: {
      /** @description 报名记录（学员）(the trainee’s enrolment) */
      enrollmentId: string;
      /** @description 社区工作者 (worker) */
      workerId: string;
      /** @description 姓名 (name) */
      name: string;
      /** @description 已计学时（半学时）(credited half hours) */
      creditedHalfHours: number;
      /** @description 要求学时（半学时）：政策最低学时，无则为本班总学时 (required half hours) */
      requiredHalfHours: number;
      /** @description 学时已满，可参加考核 (eligible for the exam) */
      eligible: boolean;
      /** @description 各次考核成绩，按次序 (results by attempt) */
      results: components['schemas']['ExamResultDto'][];
      /**
       * @description 考核结果：任一次合格 / 不合格 / 未参加考核 (passed at any attempt / failed / none)
       * @enum {string}
       */
      outcome: 'passed' | 'failed' | 'none';
      /** @description 最新一代证书编号，未发证为 null (serial of the latest certificate) */
      certificateSerial: string | null;
      /** @description 最新一代证书状态 (valid / revoked / superseded)，未发证为 null */
      certificateStatus: string | null;
    };
    ExamRosterDto: {
      /** @description 班次 (class) */
      classId: string;
      /** @description 政策允许的补考次数 (retakes the policy allows) */
      maxRetakes: number;
      /** @description 合格分数（现行政策）(pass score under the policy) */
      passScore: number;
      /** @description 满分（现行政策）(max score under the policy) */
      maxScore: number;
      /** @description 本班已登记的考核，按次序 (the class’s exams) */
      exams: components['schemas']['ExamDto'][];
      /** @description 在册学员 (enrolled trainees) */
      trainees: components['schemas']['ExamRosterEntryDto'][];
    };
    CreateExamDto: {
      /**
       * @description 第几次考核（1 为首次，2 起为补考）(attempt)
       * @default 1
       */
      attempt: number;
      /**
       * @description 考核日期 (date held, YYYY-MM-DD)
       * @example 2026-11-30
       */
      heldOn: string;
      /**
       * @description 记分方式 (score / pass_fail)
       * @enum {string}
       */
      mode: 'score' | 'pass_fail';
      /** @description 监督人姓名 (the authority’s supervisor) */
      supervisorName: string;
      /**
       * Format: uuid
       * @description 监督单位：委托培训的区或市民政局 (supervising authority unit)
       */
      supervisorOrgId: string;
    };
    ResultInputDto: {
      /**
       * Format: uuid
       * @description 报名记录（学员）(the trainee’s enrolment)
       */
      enrollmentId: string;
      /** @description 成绩（记分考核）(score) */
      score?: number;
      /** @description 是否合格（合格/不合格考核）(passed) */
      passed?: boolean;
    };
    RecordResultsDto: {
      /** @description 各学员的考核结果，同一学员只能出现一次 (one result per trainee, 1–2000) */
      results: components['schemas']['ResultInputDto'][];
    };
    MyExamResultDto: {
      /** @description 考核 (exam) */
      examId: string;
      /** @description 第几次考核（1 为首次，2 起为补考）(attempt) */
      attempt: number;
      /** @description 成绩，合格/不合格考核为 null (score; null for a pass/fail exam) */
      score: number | null;
      /** @description 是否合格 (passed) */
      passed: boolean;
      /** @description 班次 (class) */
      classId: string;
      /** @description 班次名称 (class title) */
      classTitle: string;
      /** @description 考核日期 (date held, YYYY-MM-DD) */
      heldOn: string;
    };
    IssueRequestDto: {
      /** @description 班次 (class) */
      classId: string;
      /** @description 符合条件的学员数 (eligible trainees) */
      eligible: number;
      /** @description 已发证 (already issued) */
      alreadyIssued: number;
      /** @description 本次排队发证 (jobs queued now) */
      queued: number;
      /** @description 不符合条件的人数，按原因 (not eligible, by reason: not_enrolled / hours_not_met / not_passed) */
      notEligible: Record<string, never>;
    };
    IssueProgressDto: {
      /** @description 班次 (class) */
      classId: string;
      /** @description 合格学员 (trainees who passed) */
      passed: number;
      /** @description 已分配编号 (serials allocated) */
      allocated: number;
      /** @description 已生成证书 (certificates with their PDF) */
      issued: number;
      /** @description 排队中 (jobs waiting or running) */
      queued: number;
      /** @description 失败 (jobs failed) */
      failed: number;
    };
    CertificateDto: {
      /** @description 证书 ID (certificate id) */
      id: string;
      /** @description 证书编号 (serial, e.g. BJPX-2026-000123) */
      serial: string;
      /**
       * @description 状态：有效 / 已撤销 / 已被换发 (valid / revoked / superseded)
       * @enum {string}
       */
      status: 'valid' | 'revoked' | 'superseded';
      /** @description 第几代：1 为首次发证，换发依次加一 (generation; reissues count up) */
      generation: number;
      /** @description 报名记录（学员）(the trainee’s enrolment) */
      enrollmentId: string;
      /** @description 班次 (class) */
      classId: string;
      /** @description 社区工作者（持证人）(the holder) */
      workerId: string;
      /** @description 持证人姓名，发证时所载 (holder’s name as issued) */
      holderName: string;
      /** @description 脱敏身份证号 (masked ID number) */
      idNumberMasked: string;
      /** @description 培训项目名称（班次名称）(project title) */
      projectTitle: string;
      /** @description 培训类型 (training type) */
      typeLabel: string;
      /** @description 计入学时（半学时）(credited half hours) */
      halfHours: number;
      /** @description 培训开始日期 (first session, YYYY-MM-DD) */
      startDate: string;
      /** @description 培训结束日期 (last session, YYYY-MM-DD) */
      endDate: string;
      /** @description 培训机构名称 (institution) */
      institutionName: string;
      /** @description 发证单位 (issuing authorities) */
      issuers: string[];
      /** @description 发证日期 (date issued, YYYY-MM-DD) */
      issuedOn: string;
      /** @description PDF 已生成 (the PDF is stored) */
      ready: boolean;
      /** @description PDF 文件的 SHA-256，未生成为 null (SHA-256 of the PDF) */
      sha256: string | null;
      /** @description 撤销时间 (revoked at, ISO 8601) */
      revokedAt: string | null;
      /** @description 撤销原因 (reason revoked) */
      revokeReason: string | null;
      /** @description 二维码查验链接，PDF 生成后才有 (verification URL of the QR code) */
      verifyUrl: string | null;
    };
    BundleDto: {
      /** @description 证书压缩包 ID (bundle id) */
      id: string;
      /** @description 班次 (class) */
      classId: string;
      /**
       * @description 状态：生成中 / 已生成 / 失败 (pending / ready / failed)
       * @enum {string}
       */
      status: 'pending' | 'ready' | 'failed';
      /** @description 证书总数（有效证书）(certificates to add) */
      total: number;
      /** @description 已加入的证书数 (certificates added) */
      done: number;
      /** @description ZIP 文件大小（字节），未生成为 null (size in bytes) */
      size: number | null;
      /** @description ZIP 文件的 SHA-256，未生成为 null (SHA-256 of the ZIP) */
      sha256: string | null;
      /** @description 队列名 (queue) */
      queue: string;
      /** @description 任务 ID：用 GET /api/v1/jobs/{queue}/{jobId} 查询进度 (job id) */
      jobId: string;
    };
    CertificateReasonDto: {
      /** @description 原因 (reason) */
      reason: string;
    };
    VerificationDto: {
      /**
       * @description 查验结果：有效 / 已撤销 / 已被换发 / 无法查验（编号或查验码不符，或尚未生成）(valid / revoked / superseded / unknown)
       * @enum {string}
       */
      status: 'valid' | 'revoked' | 'superseded' | 'unknown';
      /** @description 证书编号 (serial) */
      serial: string | null;
      /** @description 脱敏姓名 (masked name) */
      name: string | null;
      /** @description 培训项目名称 (project title) */
      projectTitle: string | null;
      /** @description 培训类型 (training type) */
      typeLabel: string | null;
      /** @description 学时（半学时）(half hours) */
      halfHours: number | null;
      /** @description 培训开始日期 (start date, YYYY-MM-DD) */
      startDate: string | null;
      /** @description 培训结束日期 (end date, YYYY-MM-DD) */
      endDate: string | null;
      /** @description 发证单位 (issuing authorities) */
      issuers: string[];
      /** @description 发证日期 (date issued, YYYY-MM-DD) */
      issuedOn: string | null;
      /** @description PDF 文件的 SHA-256，用于核对文件 (SHA-256 of the issued PDF) */
      sha256: string | null;
      /** @description 撤销日期 (revoked on, YYYY-MM-DD) */
      revokedOn: string | null;
      /** @description 换发后的新证书编号 (serial of the reissue that supersedes it) */
      supersededBy: string | null;
    };
    PdfCheckDto: {
      /** @description 证书查验结果 (the certificate as verified) */
      verification: components['schemas']['VerificationDto'];
      /** @description 上传的文件与颁发的 PDF 逐字节一致（证书无法查验时为 false）(the upload is the issued PDF, byte for byte) */
      matches: boolean;
      /** @description 上传文件的 SHA-256 (SHA-256 of the upload) */
      sha256: string;
    };
    TemplateItemDto: {
      /**
       * @description 题目键 (item key, a-z 0-9 _)
       * @example content
       */
      key: string;
      /**
       * @description 题型 (likert 1–5 / single / multiple / text)
       * @enum {string}
       */
      type: 'likert' | 'single' | 'multiple' | 'text';
      /** @description 题目 (the question) */
      label: string;
      /** @description 选项（选择题）(options of a choice item) */
      options?: string[];
      /**
       * @description 必答 (required)
       * @default true
       */
      required: boolean;
    };
    TemplateDto: {
      /**
       * Format: uuid
       * @description 评价表单 id (form id)
       */
      id: string;
      /**
       * @description 评价方向 (classroom 课堂评价 / post_class 课后评价)
       * @enum {string}
       */
      direction: 'classroom' | 'post_class';
      /** @description 版本号（同一方向内递增）(version within the direction) */
      version: number;
      /** @description 表单名称 (title) */
      title: string;
      /** @description 题目 (the form’s items) */
      items: components['schemas']['TemplateItemDto'][];
      /**
       * @description 状态：active 现行 / superseded 已被新版本取代 (status)
       * @enum {string}
       */
      status: 'active' | 'superseded';
      /**
       * Format: date-time
       * @description 发布时间 (published at)
       */
      createdAt: string;
      /**
       * Format: date-time
       * @description 被取代的时间（现行版本为空）(superseded at)
       */
      supersededAt?: string | null;
    };
    NewTemplateDto: {
      /**
       * @description 评价方向 (classroom 课堂评价 / post_class 课后评价)
       * @enum {string}
       */
      direction: 'classroom' | 'post_class';
      /** @description 表单名称 (title) */
      title: string;
      /** @description 题目（1–40 题）(the form’s items) */
      items: components['schemas']['TemplateItemDto'][];
    };
    ClassSettingsDto: {
      /**
       * Format: uuid
       * @description 班次 (the class)
       */
      classId: string;
      /** @description 生效的课后评价天数 (post-class deadline in force, days) */
      postClassDays: number;
      /** @description 生效的课堂评价天数 (classroom deadline in force, days) */
      classroomDays: number;
      /** @description 课后评价天数为本班自定（否则按政策）(the class sets its own post-class days) */
      ownPostClassDays: boolean;
      /** @description 课堂评价天数为本班自定（否则按政策）(the class sets its own classroom days) */
      ownClassroomDays: boolean;
      /**
       * Format: uuid
       * @description 本班锁定的课堂评价表单（首次评价时锁定）(classroom form pinned to the class)
       */
      classroomTemplateId?: string | null;
      /**
       * Format: uuid
       * @description 本班锁定的课后评价表单（首次评价时锁定）(post-class form pinned to the class)
       */
      postClassTemplateId?: string | null;
    };
    ClassSettingsInputDto: {
      /** @description 课后评价截止：课次结束后天数（null：按政策）(post-class deadline, days; null: the policy’s) */
      postClassDays?: Record<string, never> | null;
      /** @description 课堂评价截止：课次结束后天数（null：按政策）(classroom deadline, days; null: the policy’s) */
      classroomDays?: Record<string, never> | null;
    };
    OpenEvaluationDto: {
      /**
       * Format: uuid
       * @description 课次 (the session)
       */
      sessionId: string;
      /**
       * Format: uuid
       * @description 班次 (the class)
       */
      classId: string;
      /** @description 班次名称 (class title) */
      classTitle: string;
      /** @description 课次主题 (session topic) */
      topic: string;
      /** @description 授课教师或外请讲者姓名 (teacher or guest speaker) */
      teacherName?: string | null;
      /**
       * Format: date-time
       * @description 课次结束时间 (session ended at)
       */
      sessionEndsAt: string;
      /**
       * Format: date-time
       * @description 评价截止时间 (evaluation closes at)
       */
      closesAt: string;
      /**
       * @description 状态：open 可评价 / answered 已评价 / closed 已截止 (status)
       * @enum {string}
       */
      status: 'open' | 'answered' | 'closed';
      /**
       * Format: uuid
       * @description 课后评价表单 (the post-class form)
       */
      templateId: string;
    };
    EvaluationAnswerDto: {
      /** @description 题目键 (item key) */
      key: string;
      /** @description 答案：量表为 1–5 的整数，单选为选项，多选为选项列表，简答为文字 (the answer: likert 1–5, an option, a list of options, or text) */
      value: number | string | string[];
    };
    AnswersDto: {
      /** @description 各题答案 (answers, one per item) */
      answers: components['schemas']['EvaluationAnswerDto'][];
    };
    ReceivedDto: {
      /**
       * Format: uuid
       * @description 课次 (the session)
       */
      sessionId: string;
      /**
       * Format: date-time
       * @description 提交时间 (received at)
       */
      receivedAt: string;
    };
    ClassroomRowDto: {
      /**
       * Format: uuid
       * @description 报名记录（学员）(the trainee’s enrolment)
       */
      enrollmentId: string;
      /** @description 学员姓名 (trainee name) */
      name: string;
      /** @description 考勤状态 (present / late / left_early) */
      attendance: string;
      /** @description 教师的课堂评价答案（未评为空）(the teacher’s answers; null: not yet) */
      answers?: components['schemas']['EvaluationAnswerDto'][] | null;
      /**
       * Format: date-time
       * @description 评价时间（未评为空）(assessed at)
       */
      submittedAt?: string | null;
    };
    SessionClassroomDto: {
      /**
       * Format: uuid
       * @description 课次 (the session)
       */
      sessionId: string;
      /**
       * @description 评价窗口：not_yet 未开始 / open 进行中 / closed 已截止 (evaluation window)
       * @enum {string}
       */
      window: 'not_yet' | 'open' | 'closed';
      /**
       * Format: date-time
       * @description 课堂评价截止时间 (closes at)
       */
      closesAt: string;
      /** @description 课堂评价表单 (the classroom form) */
      template: components['schemas']['TemplateDto'];
      /** @description 出勤的学员及评价 (trainees who attended, with assessments) */
      trainees: components['schemas']['ClassroomRowDto'][];
    };
    ItemStatsDto: {
      /** @description 题目键 (item key) */
      key: string;
      /** @description 题目 (the question) */
      label: string;
      /**
       * @description 题型 (likert / single / multiple / text)
       * @enum {string}
       */
      type: 'likert' | 'single' | 'multiple' | 'text';
      /** @description 作答数 (number of answers) */
      answered: number;
      /** @description 平均分（量表题，两位小数；其他为空）(likert mean) */
      average?: number | null;
      /** @description 分布：量表 1–5、选择题各选项的人数，简答为空 ({ option, count } per option) */
      distribution: Record<string, never>[];
    };
    GroupStatsDto: {
      /** @description 分组（教师或班次）的 id；合计为 total，外请讲者为 speaker (group key) */
      key: string;
      /** @description 分组名称（教师姓名或班次名称）(group label) */
      label: string;
      /** @description 可见：匿名阈值以上（机构和教师只看 ≥5 份的汇总）(visible above the anonymity threshold) */
      visible: boolean;
      /** @description 应评人次（不可见时为空）(expected answers; null when hidden) */
      expected?: number | null;
      /** @description 已评份数（不可见时为空）(answers received; null when hidden) */
      answered?: number | null;
      /** @description 回收率 %（一位小数）(response rate, per cent) */
      rate?: number | null;
      /** @description 各题统计（不可见时为空）(item statistics; null when hidden) */
      items?: components['schemas']['ItemStatsDto'][] | null;
      /** @description 简答题意见（已排序；不可见时为空）(free-text comments, sorted) */
      comments?: string[] | null;
    };
    ClassroomSummaryDto: {
      /** @description 应评人次（出勤的学员课次）(expected assessments) */
      expected: number;
      /** @description 已评人次 (assessments done) */
      done: number;
      /** @description 完成率 %（一位小数）(completion rate, per cent) */
      rate?: number | null;
      /** @description 各题统计 (item statistics) */
      items: components['schemas']['ItemStatsDto'][];
    };
    EvaluationReportDto: {
      /**
       * @description 报告范围：class 班次 / teacher 教师 / institution 机构 (scope)
       * @enum {string}
       */
      scope: 'class' | 'teacher' | 'institution';
      /**
       * Format: uuid
       * @description 报告对象（班次、教师或机构）(the target)
       */
      targetId: string;
      /** @description 报告对象名称 (target name) */
      targetName: string;
      /** @description 年度（班次报告为空）(year; null: all years / a class report) */
      year?: number | null;
      /**
       * @description 主管部门全量；机构与教师只见匿名汇总 (authority: whole; anonymous: aggregates)
       * @enum {string}
       */
      view: 'authority' | 'anonymous';
      /** @description 匿名阈值（份）(anonymity threshold) */
      threshold: number;
      /**
       * Format: date-time
       * @description 班次报告：评价截止、结果向机构和教师公布的时间（末次课结束后的课后评价截止时）
       */
      releasesAt?: string | null;
      /** @description 尚未截止（机构和教师暂不可见）的班次数 */
      classesPending: number;
      /** @description 课后评价（学员评教师）合计 */
      total: components['schemas']['GroupStatsDto'];
      /** @description 按教师或班次 */
      groups: components['schemas']['GroupStatsDto'][];
      /** @description 课堂评价（教师评学员），班次报告 */
      classroom?: components['schemas']['ClassroomSummaryDto'] | null;
    };
    RespondentDto: {
      /**
       * Format: uuid
       * @description 报名记录（学员）(the trainee’s enrolment)
       */
      enrollmentId: string;
      /** @description 学员姓名 (trainee name) */
      name: string;
      /** @description 应评课次数 (sessions to evaluate) */
      expected: number;
      /** @description 已评课次数（每课次至多一次）(sessions evaluated) */
      answered: number;
    };
    ExportInputDto: {
      /**
       * @description 报告范围：class 班次 / teacher 教师 / institution 机构 (scope)
       * @enum {string}
       */
      scope: 'class' | 'teacher' | 'institution';
      /**
       * Format: uuid
       * @description 报告对象（班次、教师或机构）(the target)
       */
      targetId: string;
      /** @description 年度（教师、机构报告）(year) */
      year?: number;
      /**
       * @description 文件格式 (xlsx Excel / pdf)
       * @enum {string}
       */
      format: 'xlsx' | 'pdf';
    };
    ExportDto: {
      /**
       * Format: uuid
       * @description 导出 id (export id)
       */
      id: string;
      /**
       * @description 状态：pending 生成中 / ready 可下载 / failed 失败 (status)
       * @enum {string}
       */
      status: 'pending' | 'ready' | 'failed';
      /** @description 文件格式 (xlsx / pdf) */
      format: string;
      /** @description 文件大小（字节；生成前为空）(size in bytes) */
      size?: number | null;
      /** @description 文件 SHA-256（生成前为空）(file checksum) */
      sha256?: string | null;
      /** @description 失败原因（失败时）(error) */
      error?: string | null;
      /** @description 后台任务队列 (job queue) */
      queue: string;
      /** @description 后台任务 id (job id) */
      jobId: string;
    };
    QuestionOptionDto: {
      /**
       * @description 选项标识 (option key: a-z, 0-9, _)
       * @example case_teaching
       */
      key: string;
      /**
       * @description 选项文字 (option label)
       * @example 案例教学
       */
      label: string;
    };
    QuestionDto: {
      /**
       * @description 问题标识，问卷内唯一 (question key, unique)
       * @example methods
       */
      key: string;
      /**
       * @description 问题 (question text)
       * @example 您喜欢哪些培训方式？
       */
      label: string;
      /**
       * @description 题型：single 单选、multi 多选、rank 排序、text 文字 (question type)
       * @enum {string}
       */
      type: 'single' | 'multi' | 'rank' | 'text';
      /**
       * @description 提交时必答 (required on submission)
       * @default false
       */
      required: boolean;
      /**
       * @description 说明 (hint under the question)
       * @example 最多选三项
       */
      hint?: string;
      /** @description 选项（选择题 2–30 个）(options of a choice question) */
      options?: components['schemas']['QuestionOptionDto'][];
      /**
       * @description 多选题最多可选、排序题排几位（默认：多选全部，排序 3 位）(most options chosen / places ranked)
       * @example 3
       */
      maxSelections?: number;
      /**
       * @description 文字题最多字数（默认 500）(longest text answer)
       * @example 500
       */
      maxLength?: number;
      /**
       * @description 题目作用：training_types 为「希望参加的培训项目」题，选项须为培训类型，报告按它分组、计划按它排需求 (role)
       * @enum {string}
       */
      role?: 'training_types';
    };
    QuestionnaireTemplateDto: {
      /** @description 标题 (title) */
      title: string;
      /** @description 说明 (introduction) */
      description: string;
      /** @description 问题 (questions) */
      questions: components['schemas']['QuestionDto'][];
    };
    CreateQuestionnaireDto: {
      /**
       * @description 问卷标题 (title)
       * @example 社区工作者年度培训需求调查问卷
       */
      title: string;
      /** @description 问卷说明 (introduction shown to workers) */
      description?: string;
      /** @description 问题，按顺序 (questions, in order) */
      questions: components['schemas']['QuestionDto'][];
    };
    QuestionnaireDto: {
      /**
       * Format: uuid
       * @description 问卷版本 ID (questionnaire version id)
       */
      id: string;
      /** @description 所属地区 (policy region) */
      region: string;
      /**
       * Format: uuid
       * @description 同一问卷各版本共用的标识（第一版的 ID）(lineage id)
       */
      lineageId: string;
      /** @description 版本号 (version, 1, 2, …) */
      version: number;
      /** @description 所替代的版本 (version it replaces) */
      supersedesId: string | null;
      /** @description 标题 (title) */
      title: string;
      /** @description 说明 (introduction) */
      description: string | null;
      /** @description 问题 (questions) */
      questions: components['schemas']['QuestionDto'][];
      /** @description 已用于已发布的调查，只读 (in use: read-only) */
      locked: boolean;
      /** @description 是该问卷的最新版本，可用于新调查 (latest version) */
      current: boolean;
      /** @description 替代它的新版本 (newer version) */
      supersededBy: string | null;
      /**
       * Format: date-time
       * @description 锁定时间 (locked at)
       */
      lockedAt: string | null;
      /**
       * Format: date-time
       * @description 创建时间 (created at)
       */
      createdAt: string;
      /**
       * Format: date-time
       * @description 修改时间 (updated at)
       */
      updatedAt: string;
    };
    UpdateQuestionnaireDto: {
      /**
       * @description 问卷标题 (title)
       * @example 社区工作者年度培训需求调查问卷
       */
      title?: string;
      /** @description 问卷说明 (introduction) */
      description?: string;
      /** @description 问题（整体替换）(questions, replaced as a whole) */
      questions?: components['schemas']['QuestionDto'][];
    };
    PopulationDto: {
      /** @description 限定的区县，空为全市各区 (districts; empty: every district of the municipality) */
      districtIds?: string[];
      /** @description 限定的岗位层级，空为全部 (position tiers; empty: all) */
      tiers?: ('head' | 'deputy' | 'staff')[];
      /** @description 限定的进入方式，空为全部 (entry channels; empty: all) */
      channels?: ('elected' | 'recruited_citywide' | 'recruited_other')[];
      /** @description 限定的职业资格，空为不限 (social-work qualifications; empty: any) */
      qualifications?: (
        'none' | 'assistant_social_worker' | 'social_worker' | 'senior_social_worker'
      )[];
    };
    CreateCampaignDto: {
      /**
       * @description 调查年度 (the year the survey runs)
       * @example 2026
       */
      year: number;
      /**
       * @description 调查名称 (title)
       * @example 2026 年度社区工作者培训需求调查
       */
      title: string;
      /** @description 致答卷人的说明 (introduction) */
      description?: string;
      /**
       * Format: uuid
       * @description 所用问卷版本（须为最新版本）(questionnaire version, the latest)
       */
      questionnaireId: string;
      /** @description 调查对象：在职社区工作者，可按区县、层级、进入方式、资格限定 (population) */
      population?: components['schemas']['PopulationDto'];
      /**
       * Format: date-time
       * @description 开始时间 (opens at, ISO 8601 with offset)
       * @example 2026-12-01T09:00:00+08:00
       */
      opensAt: string;
      /**
       * Format: date-time
       * @description 截止时间 (closes at, ISO 8601 with offset)
       * @example 2026-12-31T18:00:00+08:00
       */
      closesAt: string;
      /**
       * @description 提醒时间（开始与截止之间，最多 10 次），提醒尚未提交的人 (reminders)
       * @example [
       *       "2026-12-20T09:00:00+08:00"
       *     ]
       */
      reminders?: string[];
      /**
       * @description 匿名阈值：少于此人数的分组在报告中不单列（默认 5）(minimum group size in reports)
       * @default 5
       */
      minGroupSize: number;
    };
    QuestionnaireRefDto: {
      /**
       * Format: uuid
       * @description 问卷版本 ID (questionnaire version id)
       */
      id: string;
      /** @description 问卷标题 (title) */
      title: string;
      /** @description 版本号 (version) */
      version: number;
    };
    PopulationViewDto: {
      /** @description 限定的区县 (districts; empty: all) */
      districtIds: string[];
      /** @description 限定的岗位层级 (tiers; empty: all) */
      tiers: string[];
      /** @description 限定的进入方式 (channels; empty: all) */
      channels: string[];
      /** @description 限定的职业资格 (qualifications; empty: any) */
      qualifications: string[];
      /** @description 调查对象的文字说明 (in words) */
      text: string;
    };
    CampaignDto: {
      /**
       * Format: uuid
       * @description 调查 ID (campaign id)
       */
      id: string;
      /** @description 调查年度 (year) */
      year: number;
      /** @description 调查名称 (title) */
      title: string;
      /** @description 说明 (introduction) */
      description: string | null;
      /** @description 问卷 (questionnaire version) */
      questionnaire: components['schemas']['QuestionnaireRefDto'];
      /** @description 调查对象 (population) */
      population: components['schemas']['PopulationViewDto'];
      /**
       * Format: date-time
       * @description 开始时间 (opens at)
       */
      opensAt: string;
      /**
       * Format: date-time
       * @description 截止时间 (closes at)
       */
      closesAt: string;
      /** @description 提醒时间 (reminders) */
      reminders: string[];
      /** @description 已发出的提醒次数 (reminders sent) */
      remindersSent: number;
      /** @description 匿名阈值 (minimum group size) */
      minGroupSize: number;
      /**
       * @description 状态（按当前时间）：draft 草稿、scheduled 待开始、open 进行中、closed 已截止 (status)
       * @enum {string}
       */
      status: 'draft' | 'scheduled' | 'open' | 'closed';
      /** @description 已邀请人数（分发的累计与最终人数）(invitations) */
      invitedCount: number;
      /**
       * Format: date-time
       * @description 首次分发完成时间 (distributed at)
       */
      distributedAt: string | null;
      /**
       * Format: date-time
       * @description 发布时间 (launched at)
       */
      launchedAt: string | null;
      /**
       * Format: date-time
       * @description 截止（关闭）时间 (closed at)
       */
      closedAt: string | null;
      /** @description 行版本，修改时带回 (row version) */
      rowVersion: number;
      /**
       * Format: date-time
       * @description 创建时间 (created at)
       */
      createdAt: string;
    };
    UpdateCampaignDto: {
      /**
       * @description 读到的行版本（乐观锁）(rowVersion read)
       * @example 1
       */
      rowVersion: number;
      /**
       * @description 调查名称 (title)
       * @example 2026 年度社区工作者培训需求调查
       */
      title?: string;
      /** @description 致答卷人的说明 (introduction) */
      description?: string;
      /**
       * Format: uuid
       * @description 所用问卷版本 (questionnaire version)
       */
      questionnaireId?: string;
      /** @description 调查对象 (population) */
      population?: components['schemas']['PopulationDto'];
      /**
       * Format: date-time
       * @description 开始时间 (opens at)
       * @example 2026-12-01T09:00:00+08:00
       */
      opensAt?: string;
      /**
       * Format: date-time
       * @description 截止时间 (closes at)
       * @example 2026-12-31T18:00:00+08:00
       */
      closesAt?: string;
      /** @description 提醒时间 (reminders) */
      reminders?: string[];
      /** @description 匿名阈值 (minimum group size) */
      minGroupSize?: number;
    };
    SurveyJobRefDto: {
      /** @description 队列 (queue) */
      queue: string;
      /** @description 任务 ID，用 GET /api/v1/jobs/{queue}/{id} 查询进度 (job id to poll) */
      jobId: string;
    };
    LaunchResultDto: {
      /** @description 调查 (campaign) */
      campaign: components['schemas']['CampaignDto'];
      /** @description 分发任务：逐批生成邀请，可查询进度与最终人数 (distribution job) */
      distribution: components['schemas']['SurveyJobRefDto'];
    };
    ReportSummaryDto: {
      /**
       * Format: uuid
       * @description 报告版本 ID (report version id)
       */
      id: string;
      /**
       * Format: uuid
       * @description 调查 ID (campaign id)
       */
      campaignId: string;
      /** @description 版本号，每次汇总加一 (version number) */
      number: number;
      /**
       * @description interim 中期（调查进行中）、final 最终（截止后）(kind)
       * @enum {string}
       */
      kind: 'interim' | 'final';
      /**
       * @description pending 待汇总、aggregated 已汇总（文件生成中）、ready 可下载、failed 失败 (status)
       * @enum {string}
       */
      status: 'pending' | 'aggregated' | 'ready' | 'failed';
      /**
       * Format: date-time
       * @description 发起时间 (requested at)
       */
      requestedAt: string;
      /**
       * Format: date-time
       * @description 统计截至（数据快照时间）(snapshot time)
       */
      asOf: string | null;
      /** @description 提交人数 (respondents) */
      respondents: number | null;
      /** @description 邀请人数 (invited) */
      invited: number | null;
      /** @description 失败原因 (why it failed) */
      error: string | null;
      /** @description 汇总与生成任务 (the job to poll) */
      job: components['schemas']['SurveyJobRefDto'];
    };
    CloseResultDto: {
      /** @description 调查 (campaign) */
      campaign: components['schemas']['CampaignDto'];
      /** @description 最终报告（生成中）(final report, being rendered) */
      report: components['schemas']['ReportSummaryDto'];
    };
    RateRowDto: {
      /**
       * Format: uuid
       * @description 区县或街道 ID (unit id)
       */
      id: string;
      /** @description 名称 (name) */
      name: string;
      /** @description 邀请人数 (invited) */
      invited: number;
      /** @description 已提交 (submitted) */
      submitted: number;
      /** @description 草稿（未提交）(drafts) */
      drafts: number;
      /** @description 回收率 0–1 (submitted / invited) */
      rate: number;
    };
    DistrictRateDto: {
      /**
       * Format: uuid
       * @description 区县或街道 ID (unit id)
       */
      id: string;
      /** @description 名称 (name) */
      name: string;
      /** @description 邀请人数 (invited) */
      invited: number;
      /** @description 已提交 (submitted) */
      submitted: number;
      /** @description 草稿（未提交）(drafts) */
      drafts: number;
      /** @description 回收率 0–1 (submitted / invited) */
      rate: number;
      /** @description 各街道 (streets) */
      streets: components['schemas']['RateRowDto'][];
    };
    ResponseRatesDto: {
      /**
       * Format: uuid
       * @description 调查 ID (campaign id)
       */
      campaignId: string;
      /** @description 范围：city 全市、district 本区、street 本街道 (scope) */
      scope: string;
      /** @description 邀请人数 (invited) */
      invited: number;
      /** @description 已提交 (submitted) */
      submitted: number;
      /** @description 草稿 (drafts) */
      drafts: number;
      /** @description 回收率 0–1 (rate) */
      rate: number;
      /** @description 各区及其街道 (by district and street) */
      districts: components['schemas']['DistrictRateDto'][];
    };
    ReportDto: {
      /**
       * Format: uuid
       * @description 报告版本 ID (report version id)
       */
      id: string;
      /**
       * Format: uuid
       * @description 调查 ID (campaign id)
       */
      campaignId: string;
      /** @description 版本号，每次汇总加一 (version number) */
      number: number;
      /**
       * @description interim 中期（调查进行中）、final 最终（截止后）(kind)
       * @enum {string}
       */
      kind: 'interim' | 'final';
      /**
       * @description pending 待汇总、aggregated 已汇总（文件生成中）、ready 可下载、failed 失败 (status)
       * @enum {string}
       */
      status: 'pending' | 'aggregated' | 'ready' | 'failed';
      /**
       * Format: date-time
       * @description 发起时间 (requested at)
       */
      requestedAt: string;
      /**
       * Format: date-time
       * @description 统计截至（数据快照时间）(snapshot time)
       */
      asOf: string | null;
      /** @description 提交人数 (respondents) */
      respondents: number | null;
      /** @description 邀请人数 (invited) */
      invited: number | null;
      /** @description 失败原因 (why it failed) */
      error: string | null;
      /** @description 汇总与生成任务 (the job to poll) */
      job: components['schemas']['SurveyJobRefDto'];
      /** @description 汇总结果（匿名：人数与比例、排名、高频词、回收率、各区培训项目需求；结构见 libs/surveys/src/reports/report.types.ts）(the counts) */
      data: Record<string, never> | null;
    };
    MySurveyDto: {
      /**
       * Format: uuid
       * @description 调查 ID (campaign id)
       */
      campaignId: string;
      /** @description 调查年度 (year) */
      year: number;
      /** @description 调查名称 (title) */
      title: string;
      /** @description 说明 (introduction) */
      description: string | null;
      /**
       * Format: date-time
       * @description 开始时间 (opens at)
       */
      opensAt: string;
      /**
       * Format: date-time
       * @description 截止时间 (closes at)
       */
      closesAt: string;
      /**
       * @description 调查状态 (campaign status)
       * @enum {string}
       */
      campaignStatus: 'scheduled' | 'open' | 'closed';
      /** @description 现在可以作答 (answers taken now) */
      accepting: boolean;
      /**
       * @description 我的状态：invited 未作答、draft 草稿、submitted 已提交 (my status)
       * @enum {string}
       */
      status: 'invited' | 'draft' | 'submitted';
      /**
       * Format: date-time
       * @description 提交时间 (submitted at)
       */
      submittedAt: string | null;
    };
    AnswerDto: {
      /**
       * @description 问题标识 (question key)
       * @example methods
       */
      question: string;
      /**
       * @description 所选选项（排序题按顺序，第一位最想要）(options chosen; rank: in order)
       * @example [
       *       "case_teaching",
       *       "site_visit"
       *     ]
       */
      options?: string[];
      /**
       * @description 文字回答 (text answer)
       * @example 希望多安排案例教学
       */
      text?: string;
    };
    MySurveyDetailDto: {
      /**
       * Format: uuid
       * @description 调查 ID (campaign id)
       */
      campaignId: string;
      /** @description 调查年度 (year) */
      year: number;
      /** @description 调查名称 (title) */
      title: string;
      /** @description 说明 (introduction) */
      description: string | null;
      /**
       * Format: date-time
       * @description 开始时间 (opens at)
       */
      opensAt: string;
      /**
       * Format: date-time
       * @description 截止时间 (closes at)
       */
      closesAt: string;
      /**
       * @description 调查状态 (campaign status)
       * @enum {string}
       */
      campaignStatus: 'scheduled' | 'open' | 'closed';
      /** @description 现在可以作答 (answers taken now) */
      accepting: boolean;
      /**
       * @description 我的状态：invited 未作答、draft 草稿、submitted 已提交 (my status)
       * @enum {string}
       */
      status: 'invited' | 'draft' | 'submitted';
      /**
       * Format: date-time
       * @description 提交时间 (submitted at)
       */
      submittedAt: string | null;
      /** @description 问卷标题 (questionnaire title) */
      questionnaireTitle: string;
      /** @description 问卷说明 (questionnaire introduction) */
      questionnaireDescription: string | null;
      /** @description 问题 (questions) */
      questions: components['schemas']['QuestionDto'][];
      /** @description 我保存或提交的回答 (my answers so far) */
      answers: components['schemas']['AnswerDto'][];
      /** @description 修改次数：提交为 1，每次修改加一 (revision) */
      revision: number;
    };
    SaveAnswersDto: {
      /** @description 各题回答 (answers, one per question) */
      answers: components['schemas']['AnswerDto'][];
    };
    LinkSurveyBasisDto: {
      /**
       * Format: uuid
       * @description 所依据的需求调查报告版本 (survey report version)
       */
      reportId: string;
    };
    SurveyBasisDto: {
      /**
       * Format: uuid
       * @description 年度计划 ID (annual plan id)
       */
      planId: string;
      /** @description 调查名称 (campaign title) */
      campaignTitle: string;
      /** @description 报告版本 (report version) */
      report: components['schemas']['ReportSummaryDto'];
      /**
       * Format: date-time
       * @description 关联时间 (linked at)
       */
      linkedAt: string;
      /** @description 培训项目需求排名：全市 types，各区 districts[].types（人数、占比、名次；人数少的区不单列）(ranked demand per training type, city-wide and by district) */
      demand: Record<string, never>;
    };
    DistrictLayerDto: {
      /**
       * @description 新版本 ID (id of the new version)
       * @example beijing-2027-haidian
       */
      id: string;
      /**
       * @description 以哪个版本为基础 (version it is based on)
       * @example beijing-2012
       */
      basedOn: string;
      /** @description 起始年度，须晚于今年 (first year; after the current year) */
      fromYear: number;
      /**
       * Format: uuid
       * @description 区（市民政局必填；区民政局只能是本区）(the district: required of the bureau; a district its own)
       */
      districtId?: string;
      /** @description 新版本标题 (title of the new version) */
      title?: string;
      /** @description 本区的等次限制；空列表即撤销本区规则层 (the caps; empty removes the layer) */
      gradeCaps: components['schemas']['GradeCapDto'][];
    };
    GradeOverrideDto: {
      /**
       * @description 准予评定的等次代码 (grade code)
       * @example excellent
       */
      grade: string;
      /** @description 书面理由 (written reason, 10–500 characters) */
      reason: string;
    };
    RecomputeDto: {
      /**
       * @description 年度 (year)
       * @example 2026
       */
      year: number;
      /**
       * Format: uuid
       * @description 区（缺省：全部；区管理员为本区）(district)
       */
      districtId?: string;
    };
    AssessmentJobRefDto: {
      /** @description 队列名 (queue) */
      queue: string;
      /** @description 任务 ID，用 GET /api/v1/jobs/{queue}/{jobId} 查询进度 (job id to poll) */
      jobId: string;
    };
    ReportRowDto: {
      /** @description 单位 ID：下级区或街道（街道报表为本街道），合计行为报表单位 (unit id) */
      unitId: string;
      /** @description 单位名称 (unit name) */
      unitName: string;
      /** @description 有记录的人数 (workers with a record) */
      workers: number;
      /** @description 必训全部达标人数 (workers meeting every mandatory requirement) */
      compliant: number;
      /** @description 缺初任培训人数 (workers missing induction training) */
      missingInduction: number;
      /** @description 缺岗位培训学时人数 (workers short of post training hours) */
      missingPost: number;
      /** @description 人均学时，保留一位小数 (average hours per worker) */
      averageHours: number;
      /** @description 考试人次（未知为 null）(exams taken; null when unknown) */
      examsTaken: number | null;
      /** @description 考试合格人次（未知为 null）(exams passed; null when unknown) */
      examsPassed: number | null;
      /** @description 考试合格率 0..1，无考试为 null (exam pass rate) */
      passRate: number | null;
      /** @description 考核等次受限人数 (workers whose assessment grade is limited) */
      limited: number;
    };
    TrainingReportDto: {
      /** @description 年度 (year) */
      year: number;
      /** @description 报表单位：市、区或街道 (reporting unit) */
      unitId: string;
      /** @description 报表单位名称 (reporting unit name) */
      unitName: string;
      /** @description 报表单位类别 (municipality / district / street) */
      unitKind: string;
      /** @description 合计 (totals for the whole unit) */
      total: components['schemas']['ReportRowDto'];
      /** @description 按下级单位 (by district or street) */
      rows: components['schemas']['ReportRowDto'][];
      /** @description 未达标人员（至多 500）：workerId、name、streetName、missing（induction / post）(workers not compliant, at most 500) */
      missing: Record<string, never>[];
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  JobsController_status: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description 队列名 (queue) */
        queue:
          | 'maintenance'
          | 'roster'
          | 'documents'
          | 'notifications'
          | 'enrollment'
          | 'certificates'
          | 'surveys'
          | 'assessment';
        /** @description 任务 ID (job id returned when the job was started) */
        jobId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['JobStatusDto'];
        };
      };
    };
  };
  CryptoController_rotate: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['JobRefDto'];
        };
      };
    };
  };
  AuthController_login: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['LoginDto'];
      };
    };
    responses: {
      /** @description 登录成功 (signed in) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TokenPairDto'];
        };
      };
    };
  };
  AuthController_refresh: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RefreshDto'];
      };
    };
    responses: {
      /** @description 新的令牌对；旧刷新令牌作废 (rotated) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TokenPairDto'];
        };
      };
    };
  };
  AuthController_logout: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RefreshDto'];
      };
    };
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  AuthController_me: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description 当前账号及其单位 (the account and its units) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MeDto'];
        };
      };
    };
  };
  AuthController_changePassword: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ChangePasswordDto'];
      };
    };
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  AuditController_list: {
    parameters: {
      query?: {
        /** @description 动作，如 auth.login_failed (action) */
        action?: string;
        /** @description 对象类型，如 account (entity type) */
        entityType?: string;
        /** @description 对象 ID (entity id) */
        entityId?: string;
        /** @description 操作账号 ID (actor account id) */
        actorAccountId?: string;
        /** @description 起始时间，含 (from, inclusive) */
        from?: string;
        /** @description 截止时间，不含 (to, exclusive) */
        to?: string;
        /** @description 翻页游标：上一页的 nextCursor (keyset cursor) */
        cursor?: string;
        /** @description 每页条数 1-200 (page size) */
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuditPageDto'];
        };
      };
    };
  };
  AuditController_startRetention: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['StartRetentionDto'];
      };
    };
    responses: {
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['JobRefDto'];
        };
      };
    };
  };
  NotificationsController_list: {
    parameters: {
      query?: {
        /** @description 只列未读 (only unread notifications): true | false */
        unread?: 'true' | 'false';
        /** @description 翻页游标：上一页的 nextCursor (keyset cursor) */
        cursor?: string;
        /** @description 每页条数 1-100 (page size) */
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NotificationPageDto'];
        };
      };
    };
  };
  NotificationsController_unreadCount: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UnreadCountDto'];
        };
      };
    };
  };
  NotificationsController_markAllRead: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MarkedReadDto'];
        };
      };
    };
  };
  NotificationsController_markRead: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NotificationDto'];
        };
      };
    };
  };
  HealthController_live: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The Health Check is successful */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @example ok */
            status?: string;
            /**
             * @example {
             *       "database": {
             *         "status": "up"
             *       }
             *     }
             */
            info?: {
              [key: string]: {
                status: string;
              } & {
                [key: string]: unknown;
              };
            } | null;
            /** @example {} */
            error?: {
              [key: string]: {
                status: string;
              } & {
                [key: string]: unknown;
              };
            } | null;
            /**
             * @example {
             *       "database": {
             *         "status": "up"
             *       }
             *     }
             */
            details?: {
              [key: string]: {
                status: string;
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The Health Check is not successful */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @example error */
            status?: string;
            /**
             * @example {
             *       "database": {
             *         "status": "up"
             *       }
             *     }
             */
            info?: {
              [key: string]: {
                status: string;
              } & {
                [key: string]: unknown;
              };
            } | null;
            /**
             * @example {
             *       "redis": {
             *         "status": "down",
             *         "message": "Could not connect"
             *       }
             *     }
             */
            error?: {
              [key: string]: {
                status: string;
              } & {
                [key: string]: unknown;
              };
            } | null;
            /**
             * @example {
             *       "database": {
             *         "status": "up"
             *       },
             *       "redis": {
             *         "status": "down",
             *         "message": "Could not connect"
             *       }
             *     }
             */
            details?: {
              [key: string]: {
                status: string;
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
  };
  HealthController_ready: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The Health Check is successful */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @example ok */
            status?: string;
            /**
             * @example {
             *       "database": {
             *         "status": "up"
             *       }
             *     }
             */
            info?: {
              [key: string]: {
                status: string;
              } & {
                [key: string]: unknown;
              };
            } | null;
            /** @example {} */
            error?: {
              [key: string]: {
                status: string;
              } & {
                [key: string]: unknown;
              };
            } | null;
            /**
             * @example {
             *       "database": {
             *         "status": "up"
             *       }
             *     }
             */
            details?: {
              [key: string]: {
                status: string;
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The Health Check is not successful */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @example error */
            status?: string;
            /**
             * @example {
             *       "database": {
             *         "status": "up"
             *       }
             *     }
             */
            info?: {
              [key: string]: {
                status: string;
              } & {
                [key: string]: unknown;
              };
            } | null;
            /**
             * @example {
             *       "redis": {
             *         "status": "down",
             *         "message": "Could not connect"
             *       }
             *     }
             */
            error?: {
              [key: string]: {
                status: string;
              } & {
                [key: string]: unknown;
              };
            } | null;
            /**
             * @example {
             *       "database": {
             *         "status": "up"
             *       },
             *       "redis": {
             *         "status": "down",
             *         "message": "Could not connect"
             *       }
             *     }
             */
            details?: {
              [key: string]: {
                status: string;
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
  };
  AttendanceController_roster: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SessionAttendanceDto'];
        };
      };
    };
  };
  AttendanceController_mark: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['MarkRosterDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SessionAttendanceDto'];
        };
      };
    };
  };
  AttendanceController_markOne: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        enrollmentId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['MarkOneDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SessionAttendanceDto'];
        };
      };
    };
  };
  AttendanceController_code: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CheckInCodeDto'];
        };
      };
    };
  };
  AttendanceController_checkIn: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CheckInDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CheckInResultDto'];
        };
      };
    };
  };
  AttendanceController_checkInByCode: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CodeCheckInDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CheckInResultDto'];
        };
      };
    };
  };
  AttendanceController_leaves: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LeaveRequestDto'][];
        };
      };
    };
  };
  AttendanceController_requestLeave: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['LeaveRequestInputDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LeaveRequestDto'];
        };
      };
    };
  };
  AttendanceController_myLeaves: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LeaveRequestDto'][];
        };
      };
    };
  };
  AttendanceController_approve: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['LeaveDecisionDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LeaveRequestDto'];
        };
      };
    };
  };
  AttendanceController_refuse: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['LeaveDecisionDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LeaveRequestDto'];
        };
      };
    };
  };
  AttendanceController_cancelLeave: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LeaveRequestDto'];
        };
      };
    };
  };
  AttendanceController_enrollmentHours: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EnrollmentHoursDto'];
        };
      };
    };
  };
  AttendanceController_workerHours: {
    parameters: {
      query?: {
        /** @description 年度 (year) */
        year?: number;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WorkerHoursDto'];
        };
      };
    };
  };
  AttendanceReportsController_missing: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MissingNowDto'];
        };
      };
    };
  };
  AttendanceReportsController_sessionSheet: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  AttendanceReportsController_classSheet: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  AttendanceReportsController_upload: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'multipart/form-data': {
          /**
           * Format: binary
           * @description 考勤表 .xlsx（由导出生成）
           */
          file: string;
        };
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SheetUploadResultDto'];
        };
      };
    };
  };
  AttendanceReportsController_grid: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ClassGridDto'];
        };
      };
    };
  };
  AttendanceReportsController_gridXlsx: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  AttendanceReportsController_report: {
    parameters: {
      query: {
        /** @description 生成任务 ID (the job id returned when requested) */
        job: string;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  AttendanceReportsController_requestReport: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ClassReportJobDto'];
        };
      };
    };
  };
  AttendanceReportsController_district: {
    parameters: {
      query?: {
        /** @description 年度 (year) */
        year?: number;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DistrictAttendanceDto'];
        };
      };
    };
  };
  ClassesController_list: {
    parameters: {
      query?: {
        /** @description 状态 (status) */
        status?: 'draft' | 'open' | 'cancelled';
        /** @description 培训类型 (type) */
        type?: 'induction' | 'post' | 'advanced' | 'continuing' | 'elective' | 'street';
        /** @description 年度 (year) */
        year?: number;
        /** @description 承办机构 (institution) */
        institutionId?: string;
        /** @description 区 (district) */
        districtId?: string;
        /** @description 翻页游标 (cursor) */
        cursor?: string;
        /** @description 每页条数 (page size, ≤ 100) */
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ClassPageDto'];
        };
      };
    };
  };
  ClassesController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreatePlanClassDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ClassDto'];
        };
      };
    };
  };
  ClassesController_createStreet: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateOwnClassDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ClassDto'];
        };
      };
    };
  };
  ClassesController_createAdvanced: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateAdvancedClassDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ClassDto'];
        };
      };
    };
  };
  ClassesController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ClassDto'];
        };
      };
    };
  };
  ClassesController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateClassDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ClassDto'];
        };
      };
    };
  };
  ClassesController_publish: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ClassDto'];
        };
      };
    };
  };
  ClassesController_cancel: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CancelClassDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ClassDto'];
        };
      };
    };
  };
  ClassesController_addSession: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SessionInputDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ClassDto'];
        };
      };
    };
  };
  ClassesController_cancelSession: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        sessionId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CancelSessionDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ClassDto'];
        };
      };
    };
  };
  ClassesController_updateSession: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        sessionId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SessionPatchDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ClassDto'];
        };
      };
    };
  };
  ClassArchiveController_list: {
    parameters: {
      query?: {
        /** @description 只列出该类别 (only this 材料类别 (category): teaching_plan 教学计划 / material 培训资料 / roster 学员名册 / photo 课堂照片 / video 课堂视频 / other 其他) */
        category?: 'teaching_plan' | 'material' | 'roster' | 'photo' | 'video' | 'other';
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ArchiveListDto'];
        };
      };
    };
  };
  ClassArchiveController_add: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'multipart/form-data': {
          /**
           * Format: binary
           * @description 档案文件 (PDF、Word、Excel、PowerPoint、JPG、PNG、WebP、MP4；≤ 500 MB)
           */
          file: string;
          /**
           * @description 材料类别 (category): teaching_plan 教学计划 / material 培训资料 / roster 学员名册 / photo 课堂照片 / video 课堂视频 / other 其他
           * @enum {string}
           */
          category: 'teaching_plan' | 'material' | 'roster' | 'photo' | 'video' | 'other';
        };
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ArchiveFileDto'];
        };
      };
    };
  };
  ClassArchiveController_download: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        fileId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description 文件内容 (the file) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ClassArchiveController_remove: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        fileId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  InstitutionsController_filed: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FiledInstitutionDto'][];
        };
      };
    };
  };
  InstitutionsController_suspended: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FiledInstitutionDto'][];
        };
      };
    };
  };
  InstitutionsController_queue: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReviewQueueDto'];
        };
      };
    };
  };
  InstitutionsController_mine: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InstitutionDto'];
        };
      };
    };
  };
  InstitutionsController_save: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SaveApplicationDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InstitutionDto'];
        };
      };
    };
  };
  InstitutionsController_addDocument: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'multipart/form-data': {
          /**
           * Format: binary
           * @description 证明材料 PDF/JPG/PNG
           */
          file: string;
        };
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DocumentDto'];
        };
      };
    };
  };
  InstitutionsController_removeDocument: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  InstitutionsController_submit: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InstitutionDto'];
        };
      };
    };
  };
  InstitutionsController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InstitutionDto'];
        };
      };
    };
  };
  InstitutionsController_document: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        documentId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  InstitutionsController_review: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReviewDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InstitutionDto'];
        };
      };
    };
  };
  InstitutionsController_suspend: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReasonDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InstitutionDto'];
        };
      };
    };
  };
  InstitutionsController_reinstate: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReasonDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InstitutionDto'];
        };
      };
    };
  };
  TeachersController_list: {
    parameters: {
      query?: {
        /** @description 授课方向包含 (subject) */
        subject?: string;
        /** @description 所属机构 (institution) */
        institutionId?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TeacherDto'][];
        };
      };
    };
  };
  TeachersController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateTeacherDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TeacherDto'];
        };
      };
    };
  };
  TeachersController_myConsent: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TeacherConsentStateDto'];
        };
      };
    };
  };
  TeachersController_giveConsent: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['GiveConsentDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TeacherConsentStateDto'];
        };
      };
    };
  };
  TeachersController_withdrawConsent: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['WithdrawOwnConsentDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TeacherConsentStateDto'];
        };
      };
    };
  };
  TeachersController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TeacherDto'];
        };
      };
    };
  };
  TeachersController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateTeacherDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TeacherDto'];
        };
      };
    };
  };
  TeachersController_consent: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TeacherConsentStateDto'];
        };
      };
    };
  };
  TeachersController_recordConsent: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RecordPaperConsentDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TeacherConsentStateDto'];
        };
      };
    };
  };
  TeachersController_recordWithdrawal: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RecordWithdrawalDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TeacherConsentStateDto'];
        };
      };
    };
  };
  TeachersController_join: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TeacherDto'];
        };
      };
    };
  };
  TeachersController_leave: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  AnnualPlansController_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AnnualPlanDto'][];
        };
      };
    };
  };
  AnnualPlansController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateAnnualPlanDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AnnualPlanDto'];
        };
      };
    };
  };
  AnnualPlansController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AnnualPlanDto'];
        };
      };
    };
  };
  AnnualPlansController_addProject: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PlanProjectInputDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AnnualPlanDto'];
        };
      };
    };
  };
  AnnualPlansController_removeProject: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        projectId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AnnualPlanDto'];
        };
      };
    };
  };
  AnnualPlansController_downloadSurveyReport: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  AnnualPlansController_surveyReport: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'multipart/form-data': {
          /**
           * Format: binary
           * @description 需求调查报告 PDF/Word/Excel
           */
          file: string;
        };
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AnnualPlanDto'];
        };
      };
    };
  };
  AnnualPlansController_publish: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AnnualPlanDto'];
        };
      };
    };
  };
  ProjectPlansController_queue: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PlanQueueDto'];
        };
      };
    };
  };
  ProjectPlansController_list: {
    parameters: {
      query?: {
        /** @description 年度 (year) */
        year?: number;
        /** @description 状态 (status) */
        status?: 'draft' | 'submitted' | 'returned' | 'approved' | 'superseded';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProjectPlanDto'][];
        };
      };
    };
  };
  ProjectPlansController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ProjectPlanInputDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProjectPlanDto'];
        };
      };
    };
  };
  ProjectPlansController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProjectPlanDto'];
        };
      };
    };
  };
  ProjectPlansController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateProjectPlanDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProjectPlanDto'];
        };
      };
    };
  };
  ProjectPlansController_checks: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PlanChecksDto'];
        };
      };
    };
  };
  ProjectPlansController_submit: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProjectPlanDto'];
        };
      };
    };
  };
  ProjectPlansController_approve: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProjectPlanDto'];
        };
      };
    };
  };
  ProjectPlansController_return: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReturnPlanDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProjectPlanDto'];
        };
      };
    };
  };
  ProjectPlansController_amend: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProjectPlanDto'];
        };
      };
    };
  };
  ProjectPlansController_pdf: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  PolicyController_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PolicyVersionDto'][];
        };
      };
    };
  };
  PolicyController_add: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['NewPolicyVersionDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PolicyVersionDto'];
        };
      };
    };
  };
  EnrollmentController_availability: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AvailabilityDto'];
        };
      };
    };
  };
  EnrollmentController_roster: {
    parameters: {
      query?: {
        /** @description 状态 (status) */
        status?:
          | 'pending'
          | 'enrolled'
          | 'waitlisted'
          | 'offered'
          | 'withdrawn'
          | 'declined'
          | 'expired'
          | 'cancelled';
        /** @description 翻页游标 (cursor) */
        cursor?: string;
        /** @description 每页条数 (≤ 500) */
        limit?: number;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RosterPageDto'];
        };
      };
    };
  };
  EnrollmentController_enrol: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['EnrolDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EnrollmentDto'];
        };
      };
    };
  };
  EnrollmentController_bulk: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['BulkEnrolDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BulkResultDto'];
        };
      };
    };
  };
  EnrollmentController_mine: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EnrollmentDto'][];
        };
      };
    };
  };
  EnrollmentController_withdraw: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['EndEntryDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EnrollmentDto'];
        };
      };
    };
  };
  EnrollmentController_accept: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EnrollmentDto'];
        };
      };
    };
  };
  EnrollmentController_decline: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EnrollmentDto'];
        };
      };
    };
  };
  NominationsController_list: {
    parameters: {
      query?: {
        /** @description 年度 (year) */
        year?: number;
        /** @description 状态 (status) */
        status?: 'pending' | 'accepted' | 'rejected' | 'withdrawn';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NominationListDto'];
        };
      };
    };
  };
  NominationsController_nominate: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['NominateDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NominationDto'];
        };
      };
    };
  };
  NominationsController_accept: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AcceptNominationDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NominationDto'];
        };
      };
    };
  };
  NominationsController_reject: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RejectNominationDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NominationDto'];
        };
      };
    };
  };
  NominationsController_withdraw: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NominationDto'];
        };
      };
    };
  };
  ViewsController_timetable: {
    parameters: {
      query?: {
        /** @description 起始日期（含），地区时间 (from this day on, region date) */
        from?: string;
        /** @description 截止日期（含），地区时间 (up to this day, region date) */
        to?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TimetableDto'];
        };
      };
    };
  };
  ViewsController_fillRates: {
    parameters: {
      query?: {
        /** @description 年度 (year) */
        year?: number;
        /** @description 班次状态 (class status) */
        status?: 'draft' | 'open' | 'cancelled';
        /** @description 培训类型 (type) */
        type?: 'induction' | 'post' | 'advanced' | 'continuing' | 'elective' | 'street';
        /** @description 只看该承办机构的班次（在本人范围内）(narrow to an institution) */
        institutionId?: string;
        /** @description 只看该区的班次（在本人范围内）(narrow to a district) */
        districtId?: string;
        /** @description 翻页游标：上一页的 nextCursor (cursor) */
        cursor?: string;
        /** @description 每页条数 (page size, ≤ 500) */
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FillRatesPageDto'];
        };
      };
    };
  };
  ViewsController_coverage: {
    parameters: {
      query?: {
        /** @description 年度，缺省为今年 (year; default: this year) */
        year?: number;
        /** @description 区（市民政局可选；缺省为全市）；区、街道管理员只能是本区 (district; municipal bureau only, default: the city) */
        districtId?: string;
        /** @description 翻页游标：上一页的 nextCursor (cursor) */
        cursor?: string;
        /** @description 每页条数 (page size, ≤ 500) */
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CoverageDto'];
        };
      };
    };
  };
  ViewsController_enrolRemedial: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RemedialEnrolDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BulkResultDto'];
        };
      };
    };
  };
  CalendarFeedController_status: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CalendarFeedStatusDto'];
        };
      };
    };
  };
  CalendarFeedController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CalendarFeedCreatedDto'];
        };
      };
    };
  };
  CalendarFeedController_revoke: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description 已停用 (revoked) */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  CalendarFeedController_feed: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description 订阅密钥 (the feed secret) */
        token: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description RFC 5545 iCalendar (VCALENDAR, one VEVENT per session) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/calendar': string;
        };
      };
      /** @description 地址无效或已停用 (unknown or revoked) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ClassDocumentsController_publish: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description 班次 ID (class id) */
        id: string;
        /** @description 文书 (document): project_list 培训项目清单 / notice 培训通知单 / timetable 课程表 / attendance_sheet 考勤表 */
        kind: 'project_list' | 'notice' | 'timetable' | 'attendance_sheet';
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PublishDocumentDto'];
        };
      };
    };
  };
  ClassDocumentsController_list: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ClassDocumentDto'][];
        };
      };
    };
  };
  ClassDocumentsController_file: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description 班次 ID (class id) */
        id: string;
        /** @description 文书 (document): project_list 培训项目清单 / notice 培训通知单 / timetable 课程表 / attendance_sheet 考勤表 */
        kind: 'project_list' | 'notice' | 'timetable' | 'attendance_sheet';
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description PDF */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  OrgUnitsController_list: {
    parameters: {
      query?: {
        /** @description 类型筛选 (kind) */
        kind?: 'municipality' | 'district' | 'street' | 'community' | 'institution';
        /** @description 上级 ID 筛选 (parent) */
        parentId?: string;
        /** @description 包含已停用的 (include deactivated units) */
        includeInactive?: boolean;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OrgUnitDto'][];
        };
      };
    };
  };
  OrgUnitsController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateOrgUnitDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OrgUnitDto'];
        };
      };
    };
  };
  OrgUnitsController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OrgUnitDto'];
        };
      };
    };
  };
  OrgUnitsController_remove: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DeleteOutcomeDto'];
        };
      };
    };
  };
  OrgUnitsController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateOrgUnitDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OrgUnitDto'];
        };
      };
    };
  };
  AccountsController_list: {
    parameters: {
      query?: {
        /** @description 角色筛选 (role) */
        role?:
          | 'municipal_admin'
          | 'district_admin'
          | 'street_admin'
          | 'institution_staff'
          | 'teacher'
          | 'worker';
        /** @description 翻页游标 (cursor from the previous page) */
        cursor?: string;
        /** @description 每页条数 1-200 (page size) */
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AccountPageDto'];
        };
      };
    };
  };
  AccountsController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateAccountDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CreatedAccountDto'];
        };
      };
    };
  };
  AccountsController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AccountDto'];
        };
      };
    };
  };
  AccountsController_reset: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TemporaryPasswordDto'];
        };
      };
    };
  };
  AccountsController_deactivate: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AccountDto'];
        };
      };
    };
  };
  AccountsController_activate: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AccountDto'];
        };
      };
    };
  };
  AccountsController_createForWorker: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateWorkerAccountDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CreatedAccountDto'];
        };
      };
    };
  };
  WorkersController_list: {
    parameters: {
      query?: {
        /** @description 区 (district) */
        districtId?: string;
        /** @description 街道 (street) */
        streetId?: string;
        /** @description 社区 (community) */
        communityId?: string;
        /** @description 岗位层级 (tier) */
        positionTier?: 'head' | 'deputy' | 'staff';
        /** @description 进入方式 (entry channel) */
        entryChannel?: 'elected' | 'recruited_citywide' | 'recruited_other';
        /** @description 社工资格 (qualification) */
        qualification?:
          'none' | 'assistant_social_worker' | 'social_worker' | 'senior_social_worker';
        /** @description 状态 (status) */
        status?: 'active' | 'left' | 'retired';
        /** @description 姓名包含 (name contains) */
        name?: string;
        /** @description 身份证号（完整 18 位）(exact ID number) */
        idNumber?: string;
        /** @description 联系电话（完整号码）(exact phone number) */
        phone?: string;
        /** @description 翻页游标 (cursor from the previous page) */
        cursor?: string;
        /** @description 每页条数 1-200 (page size) */
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WorkerPageDto'];
        };
      };
    };
  };
  WorkersController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateWorkerDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WorkerDto'];
        };
      };
    };
  };
  WorkersController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WorkerDto'];
        };
      };
    };
  };
  WorkersController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateWorkerDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WorkerDto'];
        };
      };
    };
  };
  WorkersController_file: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WorkerFileDto'];
        };
      };
    };
  };
  WorkersController_changePost: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PostChangeDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WorkerDto'];
        };
      };
    };
  };
  WorkersController_transfer: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['TransferDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WorkerDto'];
        };
      };
    };
  };
  WorkersController_changeStatus: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['StatusChangeDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WorkerDto'];
        };
      };
    };
  };
  WorkersController_grades: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['GradeDto'][];
        };
      };
    };
  };
  WorkersController_recordGrade: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description 社区工作者 ID */
        id: string;
        /** @description 考核年度 (assessment year) */
        year: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RecordGradeDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['GradeDto'];
        };
      };
    };
  };
  RosterController_template: {
    parameters: {
      query?: {
        /** @description 模板格式 (template format) */
        format?: 'xlsx' | 'csv';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  RosterController_upload: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'multipart/form-data': {
          /**
           * Format: binary
           * @description 名册文件 .xlsx/.csv
           */
          file: string;
        };
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RosterImportResultDto'];
        };
      };
    };
  };
  RosterController_importStatus: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RosterImportResultDto'];
        };
      };
    };
  };
  RosterController_startExport: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['StartExportDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RosterJobDto'];
        };
      };
    };
  };
  RosterController_exportStatus: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RosterExportDto'];
        };
      };
    };
  };
  RosterController_download: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ExamsController_roster: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ExamRosterDto'];
        };
      };
    };
  };
  ExamsController_list: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ExamDto'][];
        };
      };
    };
  };
  ExamsController_create: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateExamDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ExamDto'];
        };
      };
    };
  };
  ExamsController_record: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RecordResultsDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ExamDto'];
        };
      };
    };
  };
  ExamsController_mine: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MyExamResultDto'][];
        };
      };
    };
  };
  CertificatesController_issue: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['IssueRequestDto'];
        };
      };
    };
  };
  CertificatesController_progress: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['IssueProgressDto'];
        };
      };
    };
  };
  CertificatesController_ofClass: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CertificateDto'][];
        };
      };
    };
  };
  CertificatesController_bundle: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BundleDto'];
        };
      };
    };
  };
  CertificatesController_bundleStatus: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BundleDto'];
        };
      };
    };
  };
  CertificatesController_bundleFile: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  CertificatesController_ofWorker: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CertificateDto'][];
        };
      };
    };
  };
  CertificatesController_mine: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CertificateDto'][];
        };
      };
    };
  };
  CertificatesController_bySerial: {
    parameters: {
      query: {
        /** @description 证书编号，如 BJPX-2026-000123 (serial, exact) */
        serial: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CertificateDto'];
        };
      };
    };
  };
  CertificatesController_pdf: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  CertificatesController_revoke: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CertificateReasonDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CertificateDto'];
        };
      };
    };
  };
  CertificatesController_reissue: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CertificateReasonDto'];
      };
    };
    responses: {
      202: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  VerificationController_verify: {
    parameters: {
      query: {
        /** @description 二维码中的查验码 (the code in the QR link) */
        c: string;
      };
      header?: never;
      path: {
        serial: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['VerificationDto'];
        };
      };
    };
  };
  VerificationController_checkPdf: {
    parameters: {
      query: {
        /** @description 二维码中的查验码 (the code in the QR link) */
        c: string;
      };
      header?: never;
      path: {
        serial: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'multipart/form-data': {
          /**
           * Format: binary
           * @description 证书 PDF (the certificate to check)
           */
          file: string;
        };
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PdfCheckDto'];
        };
      };
    };
  };
  VerificationPageController_page: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        serial: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  VerificationPageController_check: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        serial: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'multipart/form-data': {
          /**
           * Format: binary
           * @description 证书 PDF (the certificate to check)
           */
          file: string;
        };
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  EvaluationsController_listTemplates: {
    parameters: {
      query?: {
        /** @description 评价方向 (classroom 课堂评价 / post_class 课后评价) */
        direction?: 'classroom' | 'post_class';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TemplateDto'][];
        };
      };
    };
  };
  EvaluationsController_newTemplate: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['NewTemplateDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TemplateDto'];
        };
      };
    };
  };
  EvaluationsController_template: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TemplateDto'];
        };
      };
    };
  };
  EvaluationsController_settings: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ClassSettingsDto'];
        };
      };
    };
  };
  EvaluationsController_setSettings: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ClassSettingsInputDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ClassSettingsDto'];
        };
      };
    };
  };
  EvaluationsController_mine: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OpenEvaluationDto'][];
        };
      };
    };
  };
  EvaluationsController_answer: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AnswersDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReceivedDto'];
        };
      };
    };
  };
  EvaluationsController_classroom: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SessionClassroomDto'];
        };
      };
    };
  };
  EvaluationsController_assess: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        enrollmentId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AnswersDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SessionClassroomDto'];
        };
      };
    };
  };
  EvaluationsController_classReport: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EvaluationReportDto'];
        };
      };
    };
  };
  EvaluationsController_respondents: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RespondentDto'][];
        };
      };
    };
  };
  EvaluationsController_teacherReport: {
    parameters: {
      query?: {
        /** @description 年度 (year) */
        year?: number;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EvaluationReportDto'];
        };
      };
    };
  };
  EvaluationsController_institutionReport: {
    parameters: {
      query?: {
        /** @description 年度 (year) */
        year?: number;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EvaluationReportDto'];
        };
      };
    };
  };
  EvaluationsController_export: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ExportInputDto'];
      };
    };
    responses: {
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ExportDto'];
        };
      };
    };
  };
  EvaluationsController_exportStatus: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ExportDto'];
        };
      };
    };
  };
  EvaluationsController_exportFile: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description PDF or Excel */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  QuestionnairesController_template: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['QuestionnaireTemplateDto'];
        };
      };
    };
  };
  QuestionnairesController_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['QuestionnaireDto'][];
        };
      };
    };
  };
  QuestionnairesController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateQuestionnaireDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['QuestionnaireDto'];
        };
      };
    };
  };
  QuestionnairesController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['QuestionnaireDto'];
        };
      };
    };
  };
  QuestionnairesController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateQuestionnaireDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['QuestionnaireDto'];
        };
      };
    };
  };
  QuestionnairesController_newVersion: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateQuestionnaireDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['QuestionnaireDto'];
        };
      };
    };
  };
  CampaignsController_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CampaignDto'][];
        };
      };
    };
  };
  CampaignsController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateCampaignDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CampaignDto'];
        };
      };
    };
  };
  CampaignsController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CampaignDto'];
        };
      };
    };
  };
  CampaignsController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateCampaignDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CampaignDto'];
        };
      };
    };
  };
  CampaignsController_launch: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LaunchResultDto'];
        };
      };
    };
  };
  CampaignsController_close: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CloseResultDto'];
        };
      };
    };
  };
  CampaignsController_rates: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ResponseRatesDto'];
        };
      };
    };
  };
  CampaignsController_reportsOf: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReportSummaryDto'][];
        };
      };
    };
  };
  CampaignsController_interim: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReportSummaryDto'];
        };
      };
    };
  };
  ReportsController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReportDto'];
        };
      };
    };
  };
  ReportsController_file: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description 报告版本 ID (report version id) */
        id: string;
        /** @description xlsx 工作簿或 pdf 报告 (file format) */
        format: 'xlsx' | 'pdf';
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description PDF or XLSX */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  AnswersController_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MySurveyDto'][];
        };
      };
    };
  };
  AnswersController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MySurveyDetailDto'];
        };
      };
    };
  };
  AnswersController_draft: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SaveAnswersDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MySurveyDetailDto'];
        };
      };
    };
  };
  AnswersController_replace: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SaveAnswersDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MySurveyDetailDto'];
        };
      };
    };
  };
  AnswersController_submit: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SaveAnswersDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MySurveyDetailDto'];
        };
      };
    };
  };
  PlanBasisController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SurveyBasisDto'];
        };
      };
    };
  };
  PlanBasisController_link: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['LinkSurveyBasisDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SurveyBasisDto'];
        };
      };
    };
  };
  AssessmentController_addLayer: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['DistrictLayerDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PolicyVersionDto'];
        };
      };
    };
  };
  AssessmentController_records: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': Record<string, never>[];
        };
      };
    };
  };
  AssessmentController_record: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description 社区工作者 ID */
        id: string;
        /** @description 年度 (year) */
        year: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': Record<string, never>;
        };
      };
    };
  };
  AssessmentController_override: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description 社区工作者 ID */
        id: string;
        /** @description 年度 (year) */
        year: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['GradeOverrideDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': Record<string, never>;
        };
      };
    };
  };
  AssessmentController_recompute: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RecomputeDto'];
      };
    };
    responses: {
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AssessmentJobRefDto'];
        };
      };
    };
  };
  AssessmentController_limits: {
    parameters: {
      query: {
        /** @description 年度 (year) */
        year: number;
        /** @description 街道（街道管理员为本街道）(street) */
        streetId?: string;
        /** @description 翻页游标，按姓名排序 (cursor from the previous page) */
        cursor?: string;
        /** @description 每页人数 1-200 (page size) */
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': Record<string, never>;
        };
      };
    };
  };
  AssessmentController_report: {
    parameters: {
      query: {
        /** @description 年度 (year) */
        year: number;
        /** @description 市、区或街道（缺省：本单位）(municipality, district or street) */
        unitId?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TrainingReportDto'];
        };
      };
    };
  };
  AssessmentController_export: {
    parameters: {
      query: {
        /** @description 年度 (year) */
        year: number;
        /** @description 市、区或街道（缺省：本单位）(municipality, district or street) */
        unitId?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
}
