"""users and roles: accounts with scrypt passwords and lock-out; reviewers' opinions on cases

Revision ID: 0005_users
Revises: 0004_people
Create Date: 2026-11-30 11:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0005_users'
down_revision = '0004_people'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('users',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=50), nullable=False),
    sa.Column('roles', sa.String(length=100), nullable=False),
    sa.Column('password_hash', sa.String(length=300), nullable=False),
    sa.Column('failed_attempts', sa.Integer(), nullable=False),
    sa.Column('locked_until', sa.DateTime(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_users')),
    sa.UniqueConstraint('name', name=op.f('uq_users_name'))
    )
    op.create_table('case_reviews',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('determination_id', sa.Integer(), nullable=True),
    sa.Column('verdict', sa.String(length=10), nullable=False),
    sa.Column('comment', sa.Text(), nullable=False),
    sa.Column('reviewer', sa.String(length=50), nullable=False),
    sa.Column('reviewed_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("verdict IN ('approve', 'return')", name=op.f('ck_case_reviews_verdict')),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_case_reviews_case_id_cases'),
                            ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['determination_id'], ['determinations.id'],
                            name=op.f('fk_case_reviews_determination_id_determinations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_reviews'))
    )
    with op.batch_alter_table('case_reviews', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_reviews_case_id'), ['case_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('case_reviews', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_reviews_case_id'))
    op.drop_table('case_reviews')
    op.drop_table('users')
